import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { ConfirmCheckbox, FormErrors, useFormState, valueOf } from "~/components/form";
import { useDay } from "~/components/request-deadline";
import {
  myPendingRequest,
  requestErasure,
  requestSchema,
  withdrawErasure,
  type MyErasureRequest,
} from "~/models/erasure.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * Ask the church to delete my account (right to erasure), or take the request
 * back while it waits. `me.data_` keeps this page out of /me/data's layout:
 * it is a page of its own that /me/data links to.
 */

export const meta: MetaFunction = () => [{ title: "Delete my account · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "adminRequests"], help: "editing-your-profile" };
export const headers = memberPageHeaders;

const DONE = ["requested", "withdrawn"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const done = new URL(request.url).searchParams.get("done");
  return Response.json(
    {
      // Platform staff have no church to decide: the page explains whom to ask.
      noChurch: !user.churchId,
      pending: await myPendingRequest(user),
      done: done && DONE.includes(done) ? done : null,
    },
    { headers: memberPageHeaders() }
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!user.churchId) throw new Response("Forbidden: your account does not belong to a church", { status: 403 });
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  if (form.get("intent") === "withdraw") {
    const outcome = await withdrawErasure(user, meta);
    if (!outcome.ok) return Response.json({ errors: { form: [outcome.message] }, values: {} }, { status: 400 });
    return redirect("/me/data/delete?done=withdrawn");
  }
  const result = parseForm(requestSchema, form);
  if (!result.ok) return invalid(result);
  const outcome = await requestErasure(user, result.data.note, meta);
  if (!outcome.ok)
    return Response.json({ errors: { [outcome.field]: [outcome.message] }, values: formValues(form) }, { status: 400 });
  return redirect("/me/data/delete?done=requested");
}

interface LoaderData {
  noChurch: boolean;
  pending: MyErasureRequest | null;
  done: string | null;
}

export default function DeleteMyAccount() {
  const { noChurch, pending, done } = useLoaderData<LoaderData>();
  const { t } = useTranslation("adminRequests");
  const state = useFormState();
  const day = useDay();
  return (
    <section aria-labelledby="delete-title" className="mx-auto max-w-prose space-y-6">
      <p>
        <a className="link" href="/me/data">
          {t("me.back")}
        </a>
      </p>
      <h1 id="delete-title" className="text-2xl font-bold">
        {t("me.title")}
      </h1>
      {done ? (
        <p role="status" className="rounded border border-teal-800 bg-teal-50 p-3 text-teal-950">
          {t(`me.${done}`)}
        </p>
      ) : null}
      {noChurch ? (
        <p>{t("me.noChurch")}</p>
      ) : (
        <>
          <p>{t("me.intro")}</p>
          <div className="space-y-2">
            <h2 className="text-lg font-semibold">{t("me.doesTitle")}</h2>
            <ul className="list-disc space-y-1 pl-5">
              <li>{t("me.does1")}</li>
              <li>{t("me.does2")}</li>
              <li>{t("me.does3")}</li>
            </ul>
            <h2 className="text-lg font-semibold">{t("me.keepsTitle")}</h2>
            <ul className="list-disc space-y-1 pl-5">
              <li>{t("me.keeps1")}</li>
              <li>{t("me.keeps2")}</li>
              <li>{t("me.keeps3")}</li>
            </ul>
          </div>
          <FormErrors state={state} />
          {pending ? (
            <form
              method="post"
              className="space-y-3 rounded border border-stone-300 p-4"
              aria-labelledby="pending-title"
            >
              <h2 id="pending-title" className="text-lg font-semibold">
                {t("me.pendingTitle")}
              </h2>
              <p>{t("me.pendingBody", { requested: day(pending.requestedAt), due: day(pending.dueAt) })}</p>
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="button">
                {t("me.withdraw")}
              </button>
            </form>
          ) : (
            <form method="post" className="space-y-3 rounded border border-red-800 p-4">
              <input type="hidden" name="intent" value="request" />
              <div className="space-y-1">
                <label htmlFor="field-note" className="block font-semibold">
                  {t("me.note")}
                </label>
                <p id="field-note-hint" className="text-sm text-stone-700">
                  {t("me.noteHint")}
                </p>
                <textarea
                  id="field-note"
                  name="note"
                  rows={3}
                  maxLength={2000}
                  defaultValue={valueOf(state, "note")}
                  aria-describedby="field-note-hint"
                  className="block w-full rounded border border-stone-500 p-2"
                />
              </div>
              <ConfirmCheckbox label={t("me.confirm")} errors={state.errors?.confirm} />
              <button type="submit" className="button bg-red-800 hover:bg-red-900">
                {t("me.submit")}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

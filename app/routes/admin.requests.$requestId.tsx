import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { ConfirmCheckbox, FormErrors, useFormState, valueOf, type FormState } from "~/components/form";
import { Deadline, useDay } from "~/components/request-deadline";
import { decideRequest, decisionSchema, findRequest, type RequestEntry } from "~/models/erasure.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

export const meta: MetaFunction = () => [{ title: "Data request · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "admin", "adminRequests"], help: "managing-member-records" };
export const headers = memberPageHeaders;

/** The administrator and the request, or 404 (unknown id, another church's). */
async function requestFor(request: Request, requestId: string | undefined) {
  const admin = await requirePermission(request, "manage:requests");
  const entry = requestId ? await findRequest(admin, requestId) : null;
  if (!entry) throw new Response("Not Found", { status: 404 });
  return { admin, entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requestFor(request, params.requestId);
  return Response.json({ entry }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, entry } = await requestFor(request, params.requestId);
  const form = await request.formData();
  const decision = String(form.get("decision") ?? "");
  if (decision !== "approve" && decision !== "decline") {
    return Response.json(
      { errors: { decision: ["adminRequests:errors.decision"] }, values: formValues(form) },
      { status: 400 }
    );
  }
  const result = parseForm(decisionSchema, form);
  if (!result.ok) return invalid(result, { decision });
  const outcome = await decideRequest(
    admin,
    entry.id,
    { decision: result.data.decision, reason: result.data.reason },
    { requestId: context.requestId, ipAddress: context.clientIp }
  );
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response("Not Found", { status: 404 });
    return Response.json(
      { decision, errors: { [outcome.field]: [outcome.message] }, values: formValues(form) },
      { status: 400 }
    );
  }
  return redirect(`/admin/requests?done=${decision === "approve" ? "approved" : "declined"}`);
}

export default function DataRequestPage() {
  const { entry } = useLoaderData<{ entry: RequestEntry }>();
  const { t } = useTranslation("adminRequests");
  const day = useDay();
  const posted = useFormState() as FormState & { decision?: string };
  const stateOf = (decision: string): FormState =>
    posted.decision === decision || (!posted.decision && decision === "decline") ? posted : {};
  return (
    <section aria-labelledby="request-title" className="max-w-3xl space-y-6">
      <p>
        <a className="link" href="/admin/requests">
          {t("detail.back")}
        </a>
      </p>
      <h1 id="request-title" className="text-2xl font-bold">
        {t("detail.title")}
      </h1>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("detail.requester")}</dt>
        <dd className="break-words">{entry.requesterName}</dd>
        <dt className="font-semibold">{t("detail.note")}</dt>
        <dd className="break-words whitespace-pre-line">{entry.note ?? t("detail.noNote")}</dd>
        <dt className="font-semibold">{t("detail.requested")}</dt>
        <dd>{day(entry.requestedAt)}</dd>
        <dt className="font-semibold">{t("detail.deadline")}</dt>
        <dd>
          <Deadline dueAt={entry.dueAt} daysLeft={entry.daysLeft} />
        </dd>
        <dt className="font-semibold">{t("detail.status")}</dt>
        <dd>{t(`statuses.${entry.status}`)}</dd>
      </dl>
      {entry.status !== "pending" ? (
        <p role="status">{t("detail.decided")}</p>
      ) : (
        <>
          {!entry.hasAccount ? <p>{t("detail.noAccount")}</p> : null}
          <ApproveForm state={stateOf("approve")} />
          <DeclineForm state={stateOf("decline")} />
        </>
      )}
    </section>
  );
}

/**
 * Approve and decline are two forms, each with its own button: the approve
 * form's confirmation box is required by the browser, which a single form
 * with a decision radio would also demand of a decline.
 */
function ApproveForm({ state }: { state: FormState }) {
  const { t } = useTranslation("adminRequests");
  return (
    <form method="post" className="space-y-3 rounded border border-red-800 p-4" aria-labelledby="approve-title">
      <h2 id="approve-title" className="text-lg font-semibold">
        {t("detail.approveTitle")}
      </h2>
      <p>{t("detail.whatHappens")}</p>
      <input type="hidden" name="decision" value="approve" />
      <FormErrors state={state} />
      <Reason name="approve-reason" label={t("detail.approveNote")} state={state} />
      <ConfirmCheckbox label={t("detail.approveConfirm")} errors={state.errors?.confirm} />
      <button type="submit" className="button bg-red-800 hover:bg-red-900">
        {t("detail.approveSubmit")}
      </button>
    </form>
  );
}

function DeclineForm({ state }: { state: FormState }) {
  const { t } = useTranslation("adminRequests");
  return (
    <form method="post" className="space-y-3 rounded border border-stone-300 p-4" aria-labelledby="decline-title">
      <h2 id="decline-title" className="text-lg font-semibold">
        {t("detail.declineTitle")}
      </h2>
      <input type="hidden" name="decision" value="decline" />
      <FormErrors state={state} />
      <Reason name="decline-reason" label={t("detail.declineReason")} state={state} required />
      <button type="submit" className="button">
        {t("detail.declineSubmit")}
      </button>
    </form>
  );
}

function Reason({
  name,
  label,
  state,
  required,
}: {
  name: string;
  label: string;
  state: FormState;
  required?: boolean;
}) {
  const { t } = useTranslation("forms");
  const errors = state.errors?.reason;
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={2000}
        required={required}
        defaultValue={valueOf(state, "reason")}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className="block w-full rounded border border-stone-500 p-2"
      />
      {errors ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

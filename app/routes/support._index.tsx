import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { FormErrors, TextField, useFormState } from "~/components/form";
import { MessageField, useTicketTime } from "~/components/support-ticket";
import {
  listMyTickets,
  MESSAGE_MAX,
  openTicket,
  SUBJECT_MAX,
  ticketForm,
  type TicketSummary,
} from "~/models/support-tickets.server";
import { readTicketUpload } from "~/models/ticket-screenshots.server";
import { formValues, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * Contact support: the question form (with an optional screenshot) and the
 * person's own questions. Platform staff have no church and so open no
 * tickets: for them the page points to the inbox instead.
 */

export const meta: MetaFunction = () => [{ title: "Contact support · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "support"], help: "contacting-support" };
export const headers = memberPageHeaders;

interface LoaderData {
  /** Null for platform staff, who have no church to ask from. */
  tickets: TicketSummary[] | null;
  timezone: string;
  staffInbox: boolean;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "open:ticket");
  const mine = user.churchId ? await listMyTickets(user) : null;
  const data: LoaderData = {
    tickets: mine?.tickets ?? null,
    timezone: mine?.timezone ?? "Asia/Manila",
    staffInbox: can(user, "answer:tickets"),
  };
  return Response.json(data, { headers: memberPageHeaders() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "open:ticket");
  if (!user.churchId)
    throw new Response("Forbidden: platform staff answer tickets in the inbox, they do not open them", { status: 403 });
  const upload = await readTicketUpload(request);
  const result = parseForm(ticketForm, upload.form);
  const errors: Record<string, string[]> = result.ok ? {} : { ...result.errors };
  if (upload.problem) errors.screenshot = [`support:screenshot.errors.${upload.problem}`];
  if (result.ok && !upload.problem) {
    const outcome = await openTicket(
      user,
      { ...result.data, screenshot: upload.screenshot },
      {
        requestId: context.requestId,
        ipAddress: context.clientIp,
      }
    );
    if (outcome.ok) return redirect(`/support/${outcome.id}?done=opened`);
    errors.screenshot = [`support:screenshot.errors.${outcome.problem}`];
  }
  if (errors.screenshot) {
    context.logger.info(
      { event: "screenshot_refused", problem: errors.screenshot[0], userId: user.id },
      "ticket screenshot refused"
    );
  }
  return Response.json({ errors, values: formValues(upload.form) }, { status: 400, headers: memberPageHeaders() });
}

export default function SupportPage() {
  const { tickets, timezone, staffInbox } = useLoaderData<LoaderData>();
  const { t } = useTranslation("support");
  return (
    <section aria-labelledby="support-title" className="max-w-3xl space-y-6">
      <h1 id="support-title" className="text-2xl font-bold">
        {t("title")}
      </h1>
      <p className="max-w-prose text-stone-800">
        {t("selfHelp")}{" "}
        <a className="link" href="/help">
          {t("selfHelpLink")}
        </a>
        .
      </p>
      {tickets === null ? (
        <p className="max-w-prose">
          {t("staffNote")}{" "}
          {staffInbox ? (
            <a className="link" href="/staff/tickets">
              {t("staffInboxLink")}
            </a>
          ) : null}
        </p>
      ) : (
        <>
          <AskForm />
          <MyTickets tickets={tickets} timezone={timezone} />
        </>
      )}
    </section>
  );
}

function AskForm() {
  const { t } = useTranslation("support");
  const state = useFormState();
  const screenshotErrors = state.errors?.screenshot;
  return (
    <section aria-labelledby="ask-title" className="max-w-prose space-y-4">
      <h2 id="ask-title" className="text-xl font-semibold">
        {t("form.title")}
      </h2>
      <p className="text-stone-800">{t("intro")}</p>
      <form method="post" encType="multipart/form-data" className="space-y-4" noValidate>
        <FormErrors state={state} />
        <TextField
          name="subject"
          label={t("form.subject")}
          hint={t("form.subjectHint")}
          state={state}
          required
          maxLength={SUBJECT_MAX}
        />
        <MessageField
          name="message"
          label={t("form.message")}
          hint={t("form.messageHint")}
          state={state}
          maxLength={MESSAGE_MAX}
        />
        <div className="space-y-1">
          <label htmlFor="field-screenshot" className="block font-semibold">
            {t("form.screenshot")}
          </label>
          <p id="field-screenshot-hint" className="text-sm text-stone-700">
            {t("form.screenshotHint")}
          </p>
          <input
            id="field-screenshot"
            name="screenshot"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid={screenshotErrors ? true : undefined}
            aria-describedby={
              screenshotErrors ? "field-screenshot-hint field-screenshot-error" : "field-screenshot-hint"
            }
            className="block w-full max-w-full text-sm file:mr-3 file:rounded file:border file:border-teal-800 file:bg-white file:px-3 file:py-2 file:font-semibold file:text-teal-900"
          />
          {screenshotErrors ? (
            <p id="field-screenshot-error" className="text-sm font-semibold text-red-800">
              {screenshotErrors.map((key) => t(key)).join(" ")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          {t("form.submit")}
        </button>
      </form>
    </section>
  );
}

function MyTickets({ tickets, timezone }: { tickets: TicketSummary[]; timezone: string }) {
  const { t } = useTranslation("support");
  const when = useTicketTime(timezone);
  return (
    <section aria-labelledby="mine-title" className="space-y-2">
      <h2 id="mine-title" className="text-xl font-semibold">
        {t("mine.title")}
      </h2>
      {tickets.length === 0 ? (
        <p>{t("mine.empty")}</p>
      ) : (
        <ul aria-labelledby="mine-title" className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
          {tickets.map((ticket) => (
            <li key={ticket.id} className="space-y-1 px-3 py-2">
              <a className="link font-semibold break-words" href={`/support/${ticket.id}`}>
                {ticket.subject}
              </a>
              <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
                <span className="font-semibold text-stone-900">{t(`status.${ticket.status}`)}</span>
                <span>{t("mine.lastActivity", { date: when(ticket.updatedAt) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

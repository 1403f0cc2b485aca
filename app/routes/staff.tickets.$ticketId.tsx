import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { FormErrors, SelectField, useFormState, type FormState } from "~/components/form";
import { DoneMessage, MessageField, TicketThread } from "~/components/support-ticket";
import { MESSAGE_MAX, TICKET_STATUSES, type TicketThread as Thread } from "~/models/support-tickets.server";
import {
  findTicketForStaff,
  replyAsStaff,
  setTicketStatus,
  staffReplyForm,
  statusForm,
} from "~/models/support-tickets-staff.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * One ticket as support staff see it: who asked from which church, the
 * conversation, the screenshot, a reply form (which e-mails the requester)
 * with the status to leave it in, and a plain status change.
 */

export const meta: MetaFunction = () => [{ title: "Support question · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "support"], help: "answering-tickets" };
export const headers = memberPageHeaders;

// Where the reply's e-mail went, as the page reports it.
const MAIL_DONE = {
  sent: "replied",
  logged: "repliedLogged",
  failed: "repliedMailFailed",
  none: "repliedNoMail",
} as const;
const DONE: string[] = [...Object.values(MAIL_DONE), "status"];

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "answer:tickets");
  const ticket = await findTicketForStaff(staff, params.ticketId ?? "");
  if (!ticket) throw notFound();
  return Response.json({ ticket }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "answer:tickets");
  const ticketId = params.ticketId ?? "";
  if (!(await findTicketForStaff(staff, ticketId))) throw notFound();
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "reply") {
    const result = parseForm(staffReplyForm, form);
    if (!result.ok) return invalid(result, { intent });
    const outcome = await replyAsStaff(staff, ticketId, result.data, meta);
    if (!outcome.ok) throw notFound();
    return redirect(`/staff/tickets/${ticketId}?done=${MAIL_DONE[outcome.mail]}`);
  }
  if (intent === "status") {
    const result = parseForm(statusForm, form);
    if (!result.ok) return invalid(result, { intent });
    const outcome = await setTicketStatus(staff, ticketId, result.data.status, meta);
    if (!outcome.ok) throw notFound();
    return redirect(`/staff/tickets/${ticketId}?done=status`);
  }
  return Response.json({ intent, errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
}

export default function StaffTicketPage() {
  const { ticket } = useLoaderData<{ ticket: Thread }>();
  const { t } = useTranslation("support");
  const posted = useFormState() as FormState & { intent?: string };
  const stateOf = (intent: string): FormState => (posted.intent === intent ? posted : {});
  const done = useSearchParams()[0].get("done");
  return (
    <section aria-labelledby="ticket-title" className="max-w-3xl space-y-6">
      <p>
        <a className="link" href="/staff/tickets">
          {t("staff.ticket.back")}
        </a>
      </p>
      <h1 id="ticket-title" className="text-2xl font-bold break-words">
        {ticket.subject}
      </h1>
      {done && DONE.includes(done) ? <DoneMessage text={t(`staff.ticket.done.${done}`)} /> : null}
      {posted.intent && !["reply", "status"].includes(posted.intent) ? <FormErrors state={posted} /> : null}
      <div className="space-y-1">
        <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          {ticket.priority ? (
            <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-950">
              {t("staff.priority")}: {t("staff.priorityHint")}
            </span>
          ) : null}
          <span className="font-semibold">{t(`staff.status.${ticket.status}`)}</span>
        </p>
        <p className="break-words">
          {t("staff.ticket.askedBy", {
            name: ticket.requesterName ?? t("staff.unknownRequester"),
            church: ticket.churchName,
          })}
        </p>
        {ticket.requesterEmail ? (
          <p className="text-sm break-words text-stone-700">
            {t("staff.ticket.email", { email: ticket.requesterEmail })}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="thread-title" className="space-y-3">
        <h2 id="thread-title" className="text-xl font-semibold">
          {t("ticket.thread")}
        </h2>
        <TicketThread messages={ticket.messages} timezone={ticket.timezone} headingId="thread-title" />
      </section>

      {ticket.hasScreenshot ? (
        <section aria-labelledby="screenshot-title" className="space-y-2">
          <h2 id="screenshot-title" className="text-xl font-semibold">
            {t("staff.ticket.screenshot")}
          </h2>
          <img
            src={`/support/${ticket.id}/screenshot`}
            alt={t("staff.ticket.screenshot")}
            loading="lazy"
            className="h-auto max-h-96 max-w-full rounded border border-stone-300"
          />
          <p>
            <a className="link" href={`/support/${ticket.id}/screenshot`}>
              {t("staff.ticket.screenshotLink")}
            </a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="reply-title" className="max-w-prose space-y-4">
        <h2 id="reply-title" className="text-xl font-semibold">
          {t("staff.ticket.reply.title")}
        </h2>
        <form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="reply" />
          <FormErrors state={stateOf("reply")} />
          <MessageField
            name="message"
            label={t("staff.ticket.reply.label")}
            hint={t("staff.ticket.reply.hint")}
            state={stateOf("reply")}
            maxLength={MESSAGE_MAX}
          />
          <SelectField
            name="status"
            id="reply-status"
            label={t("staff.ticket.reply.after")}
            state={stateOf("reply")}
            defaultValue="waiting"
            options={[
              { value: "waiting", label: t("staff.ticket.reply.afterWaiting") },
              { value: "closed", label: t("staff.ticket.reply.afterClosed") },
            ]}
          />
          <button type="submit" className="button">
            {t("staff.ticket.reply.submit")}
          </button>
        </form>
      </section>

      <section aria-labelledby="status-title" className="max-w-prose space-y-4">
        <h2 id="status-title" className="text-xl font-semibold">
          {t("staff.ticket.status.title")}
        </h2>
        <form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="status" />
          <FormErrors state={stateOf("status")} />
          <SelectField
            name="status"
            id="ticket-status"
            label={t("staff.ticket.status.label")}
            state={stateOf("status")}
            defaultValue={ticket.status}
            options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`staff.status.${status}`) }))}
          />
          <button
            type="submit"
            className="rounded border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50"
          >
            {t("staff.ticket.status.submit")}
          </button>
        </form>
      </section>
    </section>
  );
}

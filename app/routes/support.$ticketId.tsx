import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { FormErrors, useFormState } from "~/components/form";
import { DoneMessage, MessageField, TicketThread } from "~/components/support-ticket";
import {
  closeAsRequester,
  findMyTicket,
  MESSAGE_MAX,
  replyAsRequester,
  replyForm,
  type TicketThread as Thread,
} from "~/models/support-tickets.server";
import type { CurrentUser } from "~/models/users.server";
import { formValues, invalid, parseForm } from "~/utils/forms";
import { memberPageHeaders } from "~/utils/http-headers";

/**
 * One of the requester's own questions: the conversation, a reply box and a
 * close button. Anyone else's ticket, in this church or another, is a 404.
 * Support staff following the link in a notification land on the staff view.
 */

export const meta: MetaFunction = () => [{ title: "Your question · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "support"], help: "contacting-support" };
export const headers = memberPageHeaders;

const DONE = ["opened", "replied", "closed"];

async function requesterFor(request: Request, ticketId: string): Promise<CurrentUser> {
  const user = await requirePermission(request, "open:ticket");
  // Staff have no church and no tickets of their own: the same ticket, their way.
  if (!user.churchId && can(user, "answer:tickets")) throw redirect(`/staff/tickets/${encodeURIComponent(ticketId)}`);
  if (!user.churchId) throw new Response("Not Found", { status: 404 });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requesterFor(request, params.ticketId ?? "");
  const ticket = await findMyTicket(user, params.ticketId ?? "");
  if (!ticket) throw new Response("Not Found", { status: 404 });
  return Response.json({ ticket }, { headers: memberPageHeaders() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ticketId = params.ticketId ?? "";
  const user = await requesterFor(request, ticketId);
  const meta = { requestId: context.requestId, ipAddress: context.clientIp };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "reply") {
    const result = parseForm(replyForm, form);
    if (!result.ok) {
      // Someone else's ticket is a 404 whatever was typed.
      if (!(await findMyTicket(user, ticketId))) throw new Response("Not Found", { status: 404 });
      return invalid(result);
    }
    const outcome = await replyAsRequester(user, ticketId, result.data.message, meta);
    if (!outcome.ok) throw new Response("Not Found", { status: 404 });
    return redirect(`/support/${ticketId}?done=replied`);
  }
  if (intent === "close") {
    const outcome = await closeAsRequester(user, ticketId, meta);
    if (!outcome.ok) throw new Response("Not Found", { status: 404 });
    return redirect(`/support/${ticketId}?done=closed`);
  }
  if (!(await findMyTicket(user, ticketId))) throw new Response("Not Found", { status: 404 });
  return Response.json({ errors: { form: ["forms:choose"] }, values: formValues(form) }, { status: 400 });
}

export default function TicketPage() {
  const { ticket } = useLoaderData<{ ticket: Thread }>();
  const { t } = useTranslation("support");
  const state = useFormState();
  const done = useSearchParams()[0].get("done");
  return (
    <section aria-labelledby="ticket-title" className="max-w-3xl space-y-6">
      <p>
        <a className="link" href="/support">
          {t("ticket.back")}
        </a>
      </p>
      <h1 id="ticket-title" className="text-2xl font-bold break-words">
        {ticket.subject}
      </h1>
      {done && DONE.includes(done) ? <DoneMessage text={t(`ticket.done.${done}`)} /> : null}
      <p className="font-semibold">{t("ticket.statusLine", { status: t(`status.${ticket.status}`) })}</p>

      <section aria-labelledby="thread-title" className="space-y-3">
        <h2 id="thread-title" className="text-xl font-semibold">
          {t("ticket.thread")}
        </h2>
        <TicketThread messages={ticket.messages} timezone={ticket.timezone} headingId="thread-title" />
        {ticket.hasScreenshot ? (
          <p>
            <a className="link" href={`/support/${ticket.id}/screenshot`}>
              {t("ticket.screenshot")}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="reply-title" className="max-w-prose space-y-4">
        <h2 id="reply-title" className="text-xl font-semibold">
          {t("ticket.reply.title")}
        </h2>
        <form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="reply" />
          <FormErrors state={state} />
          <MessageField
            name="message"
            label={t("ticket.reply.label")}
            hint={ticket.status === "closed" ? t("ticket.reply.hintClosed") : undefined}
            state={state}
            maxLength={MESSAGE_MAX}
          />
          <button type="submit" className="button">
            {t("ticket.reply.submit")}
          </button>
        </form>
      </section>

      {ticket.status !== "closed" ? (
        <section
          aria-labelledby="close-title"
          className="max-w-prose space-y-3 rounded border border-stone-300 bg-white p-3"
        >
          <h2 id="close-title" className="text-xl font-semibold">
            {t("ticket.close.title")}
          </h2>
          <p>{t("ticket.close.body")}</p>
          <form method="post">
            <input type="hidden" name="intent" value="close" />
            <button
              type="submit"
              className="rounded border border-teal-800 bg-white px-4 py-2 font-semibold text-teal-900 hover:bg-teal-50"
            >
              {t("ticket.close.submit")}
            </button>
          </form>
        </section>
      ) : null}
    </section>
  );
}

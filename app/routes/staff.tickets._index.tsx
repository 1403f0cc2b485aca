import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/guards.server";
import { Pagination } from "~/components/pagination";
import { useTicketTime } from "~/components/support-ticket";
import { INBOX_FILTERS, listInbox, type Inbox, type InboxFilter } from "~/models/support-tickets-staff.server";
import { memberPageHeaders } from "~/utils/http-headers";
import { pageParam } from "~/utils/paging";

/**
 * Support staff's inbox across churches. The status filter is a GET form, so
 * a filtered inbox is a link to share; priority questions (from church
 * administrators) are marked in words, not colour alone.
 */

export const meta: MetaFunction = () => [{ title: "Support inbox · Kapatiran" }];
export const handle = { i18n: ["common", "forms", "support"], help: "answering-tickets" };
export const headers = memberPageHeaders;

// Staff read times in Manila, where every church so far is; each ticket page shows its church's own zone.
const STAFF_TIMEZONE = "Asia/Manila";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, "answer:tickets");
  const params = new URL(request.url).searchParams;
  const asked = params.get("status") ?? "open";
  const status: InboxFilter = (INBOX_FILTERS as readonly string[]).includes(asked) ? (asked as InboxFilter) : "open";
  const inbox = await listInbox(staff, status, pageParam(params));
  return Response.json({ inbox, status }, { headers: memberPageHeaders() });
}

/** The inbox only reads (its filter is a GET form): a POST is answered plainly, not logged as an error. */
export function action() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "GET" } });
}

export default function StaffInbox() {
  const { inbox, status } = useLoaderData<{ inbox: Inbox; status: InboxFilter }>();
  const { t } = useTranslation("support");
  const when = useTicketTime(STAFF_TIMEZONE);
  return (
    <section aria-labelledby="inbox-title" className="space-y-6">
      <h1 id="inbox-title" className="text-2xl font-bold">
        {t("staff.inbox.title")}
      </h1>
      <p className="max-w-prose text-stone-800">{t("staff.inbox.intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 space-y-1">
          <label htmlFor="inbox-status" className="block font-semibold">
            {t("staff.inbox.filterLabel")}
          </label>
          <select
            id="inbox-status"
            name="status"
            defaultValue={status}
            className="w-full max-w-full rounded border border-stone-500 bg-white px-3 py-2"
          >
            {INBOX_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {t(`staff.filter.${filter}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("staff.inbox.filterSubmit")}
        </button>
      </form>
      <p aria-live="polite">{t("staff.inbox.count", { count: inbox.total })}</p>
      {inbox.tickets.length === 0 ? (
        <p>{t("staff.inbox.empty")}</p>
      ) : (
        <ul
          aria-label={t("staff.inbox.listLabel")}
          className="divide-y divide-stone-200 rounded border border-stone-300 bg-white"
        >
          {inbox.tickets.map((ticket) => (
            <li
              key={ticket.id}
              className={`space-y-1 px-3 py-2 ${ticket.priority ? "border-l-4 border-l-amber-700" : ""}`}
            >
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                {ticket.priority ? (
                  <span
                    className="rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-950"
                    title={t("staff.priorityHint")}
                  >
                    {t("staff.priority")}
                  </span>
                ) : null}
                <a className="link font-semibold break-words" href={`/staff/tickets/${ticket.id}`}>
                  {ticket.subject}
                </a>
              </div>
              <p className="text-sm break-words text-stone-800">
                {t("staff.inbox.from", {
                  church: ticket.churchName,
                  name: ticket.requesterName ?? t("staff.unknownRequester"),
                })}
              </p>
              <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
                <span className="font-semibold text-stone-900">{t(`staff.status.${ticket.status}`)}</span>
                <span>{t("staff.inbox.lastActivity", { date: when(ticket.updatedAt) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={inbox.page}
        pageCount={inbox.pageCount}
        hrefFor={(page) => `?${new URLSearchParams({ status, page: String(page) })}`}
      />
    </section>
  );
}

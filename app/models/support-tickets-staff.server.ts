import { asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { churches, supportTickets, ticketMessages, TICKET_STATUSES, users, type TicketStatus } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { recordAudit } from "./audit.server";
import { isUuid } from "./roles.server";
import { sendTicketReplyMail, type ReplyMailOutcome } from "./support-ticket-mail.server";
import {
  forbidden,
  SUMMARY_COLUMNS,
  summaryOf,
  threadOf,
  ticketMessage,
  type TicketOutcome,
  type TicketSummary,
  type TicketThread,
} from "./support-tickets.server";
import type { CurrentUser, RequestMeta } from "./users.server";

/**
 * The support staff's side of tickets (`answer:tickets`, no church): one inbox
 * across churches, replies that e-mail the requester, and status changes.
 * support-tickets.server.ts holds the requester's side and the thread itself.
 */

export const staffReplyForm = z.object({
  message: ticketMessage,
  status: z.enum(["waiting", "closed"], { errorMap: () => ({ message: "forms:choose" }) }).default("waiting"),
});
export const statusForm = z.object({
  status: z.enum(TICKET_STATUSES, { errorMap: () => ({ message: "forms:choose" }) }),
});

/** The inbox's filter: one status, or all of them. */
export const INBOX_FILTERS = [...TICKET_STATUSES, "all"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
export const INBOX_PAGE_SIZE = 50;

function requireStaff(user: CurrentUser) {
  if (!can(user, "answer:tickets")) throw forbidden("answer:tickets");
}

export async function findTicketForStaff(staff: CurrentUser, ticketId: string): Promise<TicketThread | null> {
  requireStaff(staff);
  if (!isUuid(ticketId)) return null;
  return acrossChurches((tx) => threadOf(tx, ticketId, true));
}

export interface InboxTicket extends TicketSummary {
  churchName: string;
  requesterName: string | null;
}

export interface Inbox {
  tickets: InboxTicket[];
  total: number;
  page: number;
  pageCount: number;
}

/** Staff's inbox across churches: priority first, then whoever has waited longest. */
export async function listInbox(staff: CurrentUser, filter: InboxFilter, requestedPage = 1): Promise<Inbox> {
  requireStaff(staff);
  const where = filter === "all" ? undefined : eq(supportTickets.status, filter);
  return acrossChurches(async (tx) => {
    const [counted] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(supportTickets)
      .where(where);
    const total = counted?.total ?? 0;
    const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
    const page = Math.min(Math.max(1, requestedPage), pageCount);
    const rows = await tx
      .select({ ...SUMMARY_COLUMNS, churchName: churches.name, requesterName: users.displayName })
      .from(supportTickets)
      .innerJoin(churches, eq(churches.id, supportTickets.churchId))
      .leftJoin(users, eq(users.id, supportTickets.requesterId))
      .where(where)
      .orderBy(desc(supportTickets.priority), asc(supportTickets.updatedAt), asc(supportTickets.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((page - 1) * INBOX_PAGE_SIZE);
    return {
      tickets: rows.map(summaryOf),
      total,
      page,
      pageCount,
    };
  });
}

export type StaffReplyOutcome = { ok: true; mail: ReplyMailOutcome | "none" } | { ok: false; status: 404 };

/**
 * Staff answer: the message, the new status (`waiting` for the requester,
 * or `closed`), the audit entry; then, once saved, the e-mail to the
 * requester. A mail failure leaves the reply in place (the requester sees it
 * in the app) and is reported back.
 */
export async function replyAsStaff(
  staff: CurrentUser,
  ticketId: string,
  input: { message: string; status: "waiting" | "closed" },
  meta: RequestMeta = {}
): Promise<StaffReplyOutcome> {
  requireStaff(staff);
  if (!isUuid(ticketId)) return { ok: false, status: 404 };
  const saved = await acrossChurches(async (tx) => {
    const [row] = await tx
      .select({
        ticket: supportTickets,
        email: users.email,
        name: users.displayName,
        locale: users.locale,
        active: users.status,
      })
      .from(supportTickets)
      .leftJoin(users, eq(users.id, supportTickets.requesterId))
      .where(eq(supportTickets.id, ticketId))
      .for("update", { of: supportTickets });
    if (!row) return null;
    const { ticket } = row;
    const now = new Date();
    await tx
      .insert(ticketMessages)
      .values({
        churchId: ticket.churchId,
        ticketId,
        authorId: staff.id,
        fromStaff: true,
        body: input.message,
        createdAt: now,
      });
    await tx
      .update(supportTickets)
      .set({ status: input.status, updatedAt: now })
      .where(eq(supportTickets.id, ticketId));
    await recordAudit(tx, {
      churchId: ticket.churchId,
      actorUserId: staff.id,
      action: "ticket.staff_replied",
      recordType: "support_ticket",
      recordId: ticketId,
      before: { status: ticket.status },
      after: { status: input.status },
      ...meta,
    });
    return {
      ticket,
      requester:
        row.email && row.active === "active" ? { email: row.email, name: row.name!, locale: row.locale! } : null,
    };
  });
  if (!saved) return { ok: false, status: 404 };
  if (!saved.requester) return { ok: true, mail: "none" };
  const mail = await sendTicketReplyMail({
    to: saved.requester.email,
    name: saved.requester.name,
    locale: saved.requester.locale,
    ticketId,
    subject: saved.ticket.subject,
    reply: input.message,
  });
  return { ok: true, mail };
}

/** Staff move a ticket between open, waiting and closed without writing. */
export async function setTicketStatus(
  staff: CurrentUser,
  ticketId: string,
  status: TicketStatus,
  meta: RequestMeta = {}
): Promise<TicketOutcome> {
  requireStaff(staff);
  if (!isUuid(ticketId)) return { ok: false, status: 404 };
  return acrossChurches(async (tx) => {
    const [ticket] = await tx.select().from(supportTickets).where(eq(supportTickets.id, ticketId)).for("update");
    if (!ticket) return { ok: false, status: 404 } as const;
    if (ticket.status === status) return { ok: true } as const;
    await tx.update(supportTickets).set({ status, updatedAt: new Date() }).where(eq(supportTickets.id, ticketId));
    await recordAudit(tx, {
      churchId: ticket.churchId,
      actorUserId: staff.id,
      action: "ticket.status_changed",
      recordType: "support_ticket",
      recordId: ticketId,
      before: { status: ticket.status },
      after: { status },
      ...meta,
    });
    return { ok: true } as const;
  });
}


import crypto from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { can } from "~/auth/permissions";
import {
  churches,
  supportTickets,
  ticketMessages,
  TICKET_STATUSES,
  users,
  type TicketStatus,
} from "~/db/schema.server";
import { acrossChurches, withChurch, type Tx } from "~/db/tenancy.server";
import { logger } from "~/utils/logger.server";
import { deleteObject, getObject, putObject } from "~/utils/storage.server";
import { recordAudit } from "./audit.server";
import { isUuid } from "./roles.server";
import { ScreenshotRefused, screenshotWebp, type ScreenshotProblem } from "./ticket-screenshots.server";
import type { CurrentUser, RequestMeta } from "./users.server";

/**
 * Support tickets: a church member or administrator asks a question; platform
 * support staff answer from one inbox across churches. A ticket belongs to the
 * requester's church (row-level security), so church users reach it only
 * through `withChurch`, and only their own; staff (`answer:tickets`, no church)
 * read and write across churches.
 *
 * Status says whose turn it is: `open` waits for staff, `waiting` waits for
 * the requester, `closed` is done. A requester's message makes it `open`
 * again (closed ones too); a staff reply makes it `waiting` unless staff close
 * it with the reply. `updated_at` is the last activity, which the inbox sorts on.
 *
 * Priority: a ticket is marked priority when its requester holds
 * `manage:users` — church administrators, including a church's own custom
 * administrator roles — decided once, when the ticket is opened.
 */

export const SUBJECT_MAX = 150;
export const MESSAGE_MAX = 5000;

const subject = z.string().trim().min(1, "forms:required").max(SUBJECT_MAX, "support:errors.subjectTooLong");
// Browsers send line breaks as CRLF; store them as "\n" so a break counts once against the limit.
export const ticketMessage = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value),
  z.string().trim().min(1, "forms:required").max(MESSAGE_MAX, "support:errors.messageTooLong")
);

export const ticketForm = z.object({ subject, message: ticketMessage });
export const replyForm = z.object({ message: ticketMessage });
export { TICKET_STATUSES, type TicketStatus };

export const forbidden = (permission: string) =>
  new Response(`Forbidden: this needs the permission ${permission}`, { status: 403 });

/** The requester's ticket list and thread need a church: platform staff have none. */
function requesterChurch(user: CurrentUser): string {
  if (!can(user, "open:ticket")) throw forbidden("open:ticket");
  if (!user.churchId) throw forbidden("open:ticket (in a church)");
  return user.churchId;
}

const screenshotKey = (churchId: string, ticketId: string) => `tickets/${churchId}/${ticketId}.webp`;

export interface OpenTicketInput {
  subject: string;
  message: string;
  /** The uploaded file as it came (checked and re-encoded here), or null. */
  screenshot?: Buffer | null;
}

export type OpenTicketOutcome =
  | { ok: true; id: string }
  | { ok: false; field: "screenshot"; problem: ScreenshotProblem };

/** Open a ticket with its first message (and screenshot), audited in the same transaction. */
export async function openTicket(
  user: CurrentUser,
  input: OpenTicketInput,
  meta: RequestMeta = {}
): Promise<OpenTicketOutcome> {
  const churchId = requesterChurch(user);
  let webp: Buffer | null = null;
  if (input.screenshot) {
    try {
      webp = await screenshotWebp(input.screenshot);
    } catch (error) {
      if (!(error instanceof ScreenshotRefused)) throw error;
      return { ok: false, field: "screenshot", problem: error.problem };
    }
  }
  // The id is made here so the screenshot can be stored (under it) before the row points at it.
  const id = crypto.randomUUID();
  const key = webp ? screenshotKey(churchId, id) : null;
  if (key && webp) await putObject(key, webp, "image/webp");
  const priority = can(user, "manage:users");
  const now = new Date();
  try {
    await withChurch(churchId, async (tx) => {
      await tx.insert(supportTickets).values({
        id,
        churchId,
        requesterId: user.id,
        subject: input.subject,
        status: "open",
        priority,
        screenshotKey: key,
        createdAt: now,
        updatedAt: now,
      });
      await tx
        .insert(ticketMessages)
        .values({ churchId, ticketId: id, authorId: user.id, body: input.message, createdAt: now });
      await recordAudit(tx, {
        churchId,
        actorUserId: user.id,
        action: "ticket.opened",
        recordType: "support_ticket",
        recordId: id,
        // The subject, not the message: the audit log outlives conversations.
        after: { subject: input.subject, priority, screenshot: Boolean(key) },
        ...meta,
      });
    });
  } catch (error) {
    if (key)
      await deleteObject(key).catch((e: unknown) => logger.warn({ err: e, key }, "could not delete a screenshot"));
    throw error;
  }
  return { ok: true, id };
}

export interface TicketSummary {
  id: string;
  subject: string;
  status: TicketStatus;
  priority: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a list shows of a ticket (the requester's list and the staff inbox), with `summaryOf` for the dates. */
export const SUMMARY_COLUMNS = {
  id: supportTickets.id,
  subject: supportTickets.subject,
  status: supportTickets.status,
  priority: supportTickets.priority,
  createdAt: supportTickets.createdAt,
  updatedAt: supportTickets.updatedAt,
};

/** A listed row with its dates as ISO strings, as loaders send them. */
export const summaryOf = <T extends { createdAt: Date; updatedAt: Date }>(row: T) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The requester's own tickets, latest activity first, and their church's time zone to read the dates in. */
export async function listMyTickets(user: CurrentUser): Promise<{ tickets: TicketSummary[]; timezone: string }> {
  const churchId = requesterChurch(user);
  return withChurch(churchId, async (tx) => {
    const rows = await tx
      .select(SUMMARY_COLUMNS)
      .from(supportTickets)
      .where(eq(supportTickets.requesterId, user.id))
      .orderBy(desc(supportTickets.updatedAt));
    const [church] = await tx.select({ timezone: churches.timezone }).from(churches).where(eq(churches.id, churchId));
    return {
      tickets: rows.map(summaryOf),
      timezone: church?.timezone ?? "Asia/Manila",
    };
  });
}

export interface ThreadMessage {
  id: string;
  fromStaff: boolean;
  /** Null for staff replies shown to a requester (they read "Kapatiran support"), or a removed account. */
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface TicketThread extends TicketSummary {
  churchName: string;
  timezone: string;
  requesterName: string | null;
  /** Staff only: where the reply e-mail goes. */
  requesterEmail: string | null;
  hasScreenshot: boolean;
  messages: ThreadMessage[];
}

/**
 * One ticket with its thread, oldest message first. In a church's
 * transaction the join to users cannot see staff accounts (they have no
 * church), so staff authors come back nameless there, as intended.
 */
export async function threadOf(tx: Tx, ticketId: string, forStaff: boolean): Promise<TicketThread | null> {
  const [row] = await tx
    .select({
      ticket: supportTickets,
      churchName: churches.name,
      timezone: churches.timezone,
      requesterName: users.displayName,
      requesterEmail: users.email,
    })
    .from(supportTickets)
    .innerJoin(churches, eq(churches.id, supportTickets.churchId))
    .leftJoin(users, eq(users.id, supportTickets.requesterId))
    .where(eq(supportTickets.id, ticketId));
  if (!row) return null;
  const messages = await tx
    .select({
      id: ticketMessages.id,
      fromStaff: ticketMessages.fromStaff,
      authorName: users.displayName,
      body: ticketMessages.body,
      createdAt: ticketMessages.createdAt,
    })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorId))
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const { ticket } = row;
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    churchName: row.churchName,
    timezone: row.timezone,
    requesterName: row.requesterName,
    requesterEmail: forStaff ? row.requesterEmail : null,
    hasScreenshot: Boolean(ticket.screenshotKey),
    messages: messages.map((message) => ({
      ...message,
      authorName: message.fromStaff && !forStaff ? null : message.authorName,
      createdAt: message.createdAt.toISOString(),
    })),
  };
}

/** The requester's own ticket, or null for anything else (malformed id, someone else's, another church's). */
export async function findMyTicket(user: CurrentUser, ticketId: string): Promise<TicketThread | null> {
  const churchId = requesterChurch(user);
  if (!isUuid(ticketId)) return null;
  return withChurch(churchId, async (tx) => {
    if (!(await ownTicket(tx, user, ticketId))) return null;
    return threadOf(tx, ticketId, false);
  });
}

async function ownTicket(tx: Tx, user: CurrentUser, ticketId: string, lock = false) {
  const query = tx
    .select({ id: supportTickets.id, status: supportTickets.status, churchId: supportTickets.churchId })
    .from(supportTickets)
    .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.requesterId, user.id)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Any church's ticket, for staff; null when there is no such ticket. */
export type TicketOutcome = { ok: true } | { ok: false; status: 404 };

/**
 * A change the requester makes to their own ticket, locked for the change,
 * with its status move audited; 404 for anyone else's or an unknown ticket.
 */
async function changeOwnTicket(
  user: CurrentUser,
  ticketId: string,
  change: { action: string; status: TicketStatus; message?: string },
  meta: RequestMeta
): Promise<TicketOutcome> {
  const churchId = requesterChurch(user);
  if (!isUuid(ticketId)) return { ok: false, status: 404 };
  return withChurch(churchId, async (tx) => {
    const ticket = await ownTicket(tx, user, ticketId, true);
    if (!ticket) return { ok: false, status: 404 } as const;
    // Closing a closed ticket again changes nothing and says nothing.
    if (change.message === undefined && ticket.status === change.status) return { ok: true } as const;
    const now = new Date();
    if (change.message !== undefined) {
      await tx.insert(ticketMessages).values({ churchId, ticketId, authorId: user.id, body: change.message, createdAt: now });
    }
    await tx.update(supportTickets).set({ status: change.status, updatedAt: now }).where(eq(supportTickets.id, ticketId));
    await recordAudit(tx, {
      churchId,
      actorUserId: user.id,
      action: change.action,
      recordType: "support_ticket",
      recordId: ticketId,
      before: { status: ticket.status },
      after: { status: change.status },
      ...meta,
    });
    return { ok: true } as const;
  });
}

/** The requester writes again: back to staff (`open`), a closed ticket included. */
export function replyAsRequester(
  user: CurrentUser,
  ticketId: string,
  message: string,
  meta: RequestMeta = {}
): Promise<TicketOutcome> {
  return changeOwnTicket(user, ticketId, { action: "ticket.replied", status: "open", message }, meta);
}

/** The requester says their question is answered. */
export function closeAsRequester(user: CurrentUser, ticketId: string, meta: RequestMeta = {}): Promise<TicketOutcome> {
  return changeOwnTicket(user, ticketId, { action: "ticket.closed", status: "closed" }, meta);
}

/**
 * The ticket's screenshot for its requester or for staff; null for everyone
 * and everything else (the route answers the same 404 for all).
 */
export async function ticketScreenshot(user: CurrentUser, ticketId: string): Promise<Buffer | null> {
  if (!isUuid(ticketId)) return null;
  let key: string | null = null;
  if (can(user, "answer:tickets")) {
    const [row] = await acrossChurches((tx) =>
      tx.select({ key: supportTickets.screenshotKey }).from(supportTickets).where(eq(supportTickets.id, ticketId))
    );
    key = row?.key ?? null;
  } else if (can(user, "open:ticket") && user.churchId) {
    const [row] = await withChurch(user.churchId, (tx) =>
      tx
        .select({ key: supportTickets.screenshotKey })
        .from(supportTickets)
        .where(and(eq(supportTickets.id, ticketId), eq(supportTickets.requesterId, user.id)))
    );
    key = row?.key ?? null;
  }
  if (!key) return null;
  return (await getObject(key))?.bytes ?? null;
}

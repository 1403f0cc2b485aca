import { and, eq, isNotNull } from "drizzle-orm";
import { supportTickets, ticketMessages } from "~/db/schema.server";
import type { Tx } from "~/db/tenancy.server";

/** What an erased requester's words become, in both of the app's languages (it is stored, not translated). */
export const REMOVED_TEXT = "Removed at the member's request · Inalis ayon sa kahilingan ng miyembro";

/**
 * An erased person's support tickets, inside the erasure's transaction: the
 * subjects of their tickets and the messages they wrote are replaced (they
 * are their words and may name them), their tickets closed, and their
 * screenshots listed for deletion after the commit. Staff replies stay: they
 * are the church's record of the support it gave.
 */
export async function scrubTickets(tx: Tx, churchId: string, userId: string) {
  const now = new Date();
  // Read before the update below forgets them.
  const screenshots = await tx
    .select({ key: supportTickets.screenshotKey })
    .from(supportTickets)
    .where(and(eq(supportTickets.churchId, churchId), eq(supportTickets.requesterId, userId), isNotNull(supportTickets.screenshotKey)));
  const tickets = await tx
    .update(supportTickets)
    .set({ subject: REMOVED_TEXT, status: "closed", screenshotKey: null, updatedAt: now })
    .where(and(eq(supportTickets.churchId, churchId), eq(supportTickets.requesterId, userId)))
    .returning({ id: supportTickets.id });
  const messages = await tx
    .update(ticketMessages)
    .set({ body: REMOVED_TEXT })
    .where(and(eq(ticketMessages.churchId, churchId), eq(ticketMessages.authorId, userId), eq(ticketMessages.fromStaff, false)))
    .returning({ id: ticketMessages.id });
  return { ticketsScrubbed: tickets.length, messagesScrubbed: messages.length, screenshotKeys: screenshots.map((row) => row.key!) };
}

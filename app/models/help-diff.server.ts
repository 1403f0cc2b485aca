import { diffLines } from "diff";

/**
 * Line diffs of help articles, for history, restore and the "changed since
 * you opened it" conflict. Plain data (one row per line with what happened to
 * it), so the page can show +/- markers and words, not colour alone.
 */

export type DiffLine =
  | { op: "added" | "removed" | "same"; text: string }
  /** A run of unchanged lines left out between changes. */
  | { op: "skipped"; count: number };

/** Unchanged lines kept on each side of a change; longer unchanged runs are folded. */
export const CONTEXT_LINES = 3;

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  // diffLines keeps each line's newline: the last split piece is empty, not a line.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * What changed from `before` to `after`, line by line. Empty when nothing did.
 * Windows line ends count as plain ones (browsers post textareas with CRLF).
 */
export function lineDiff(before: string, after: string, context = CONTEXT_LINES): DiffLine[] {
  const normalize = (text: string) => text.replace(/\r\n?/g, "\n");
  const changes = diffLines(normalize(before), normalize(after));
  if (!changes.some((change) => change.added || change.removed)) return [];
  const rows: DiffLine[] = [];
  changes.forEach((change, index) => {
    const lines = linesOf(change.value);
    if (change.added || change.removed) {
      for (const text of lines) rows.push({ op: change.added ? "added" : "removed", text });
      return;
    }
    // Unchanged: keep the lines next to a change, fold the middle of a long run.
    const keepHead = index === 0 ? 0 : context;
    const keepTail = index === changes.length - 1 ? 0 : context;
    if (lines.length <= keepHead + keepTail + 1) {
      for (const text of lines) rows.push({ op: "same", text });
      return;
    }
    for (const text of lines.slice(0, keepHead)) rows.push({ op: "same", text });
    rows.push({ op: "skipped", count: lines.length - keepHead - keepTail });
    for (const text of lines.slice(lines.length - keepTail)) rows.push({ op: "same", text });
  });
  return rows;
}

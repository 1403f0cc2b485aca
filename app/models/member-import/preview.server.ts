import { withChurch } from "~/db/tenancy.server";
import { visibleMember, type Viewer } from "~/privacy/policy";
import { suggestMapping } from "./map";
import { parseCsvText } from "./parse.server";
import { planImport } from "./plan.server";
import { isImportTarget, PREVIEW_ROWS, type ImportTarget } from "./targets";
import { findUpload } from "./uploads.server";
import type { ImportedMember, RowProblem } from "./validate.server";

/**
 * What the import pages show between upload and import: the columns to map
 * (with a few sample values each), then the preview — the first rows as they
 * would be imported, every invalid row, and every row that is a member already.
 */

export interface MappingView {
  importId: string;
  fileName: string;
  rowCount: number;
  columns: { header: string; samples: string[]; target: ImportTarget }[];
  mapped: boolean;
}

export async function mappingView(churchId: string, importId: string): Promise<MappingView | null> {
  const upload = await findUpload(churchId, importId);
  if (!upload) return null;
  const parsed = parseCsvText(upload.csv);
  if (!parsed.ok) return null;
  const { headers, rows } = parsed.csv;
  const saved = upload.mapping?.length === headers.length && upload.mapping.every(isImportTarget) ? upload.mapping : null;
  const mapping = saved ?? suggestMapping(headers);
  return {
    importId,
    fileName: upload.fileName,
    rowCount: rows.length,
    columns: headers.map((header, index) => ({
      header,
      samples: rows
        .map((row) => (row.cells[index] ?? "").trim())
        .filter(Boolean)
        .slice(0, 3),
      target: mapping[index]!,
    })),
    mapped: saved !== null,
  };
}

export interface PreviewRow {
  row: number;
  member: ImportedMember;
  householdStatus: "existing" | "new" | null;
  invalid: boolean;
  duplicate: Duplicate | null;
}

export interface Duplicate {
  row: number;
  memberId: string;
  /** The existing member's name, when this viewer may see it. */
  name: string | null;
  by: "email" | "nameAndBirthday";
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  rowCount: number;
  rows: PreviewRow[];
  problems: RowProblem[];
  invalidRows: number;
  duplicates: Duplicate[];
  /** Rows that would become new members if imported now (valid, not duplicates). */
  newMembers: number;
  newHouseholds: number;
}

export type PreviewOutcome = { ok: true; preview: ImportPreview } | { ok: false; reason: "notFound" | "unmapped" };

export async function previewImport(viewer: Viewer & { churchId: string }, importId: string): Promise<PreviewOutcome> {
  const upload = await findUpload(viewer.churchId, importId);
  if (!upload) return { ok: false, reason: "notFound" };
  return withChurch(viewer.churchId, async (tx): Promise<PreviewOutcome> => {
    const planned = await planImport(tx, viewer, upload);
    if (!planned.ok) return { ok: false, reason: planned.reason === "unmapped" ? "unmapped" : "notFound" };
    const { plan } = planned;
    const duplicates = plan.rows.flatMap((row): Duplicate[] =>
      row.duplicate
        ? [{ row: row.row, memberId: row.duplicate.member.id, name: visibleMember(viewer, row.duplicate.member).name ?? null, by: row.duplicate.by }]
        : [],
    );
    const fresh = plan.rows.filter((row) => row.problems.length === 0 && !row.duplicate);
    const newHouseholds = new Set(
      fresh.filter((row) => row.householdStatus === "new").map((row) => row.member.household!.toLowerCase()),
    );
    return {
      ok: true,
      preview: {
        importId,
        fileName: plan.fileName,
        rowCount: plan.rows.length,
        rows: plan.rows.slice(0, PREVIEW_ROWS).map((row) => ({
          row: row.row,
          member: row.member,
          householdStatus: row.householdStatus,
          invalid: row.problems.length > 0,
          duplicate: duplicates.find((d) => d.row === row.row) ?? null,
        })),
        problems: plan.problems,
        invalidRows: plan.rows.filter((row) => row.problems.length > 0).length,
        duplicates,
        newMembers: fresh.length,
        newHouseholds: newHouseholds.size,
      },
    };
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { exportAuditLog, parseAuditFilters } from "~/models/audit-log.server";

/**
 * /admin/audit/export.csv: the entries the audit page's filters select, as a
 * download. A resource route (no component); the export is itself audited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:audit");
  if (!user.churchId) throw new Response("Forbidden: no church", { status: 403 });
  const { filters, errors } = parseAuditFilters(new URL(request.url).searchParams);
  // A hand-edited link with a bad filter gets a plain answer, not everything.
  if (errors) return new Response("Invalid filter", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { csv, filename } = await exportAuditLog({ id: user.id, churchId: user.churchId }, filters, {
    requestId: context.requestId,
    ipAddress: context.clientIp,
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

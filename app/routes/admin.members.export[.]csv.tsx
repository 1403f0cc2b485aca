import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { exportMembers } from "~/models/member-export.server";
import { adminViewerFor } from "~/models/members-admin.server";

/**
 * /admin/members/export.csv: every member of the church as a spreadsheet,
 * each detail only where the privacy policy shows it to this administrator.
 * A resource route (no component); the export is itself audited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:members");
  const viewer = await adminViewerFor(user);
  const { csv, filename } = await exportMembers(viewer, { requestId: context.requestId, ipAddress: context.clientIp });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

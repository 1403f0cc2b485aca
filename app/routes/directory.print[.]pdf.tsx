import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { printableDirectory, viewerFor } from "~/models/directory.server";
import { directoryPdf } from "~/models/directory-pdf.server";
import { memberPageHeaders } from "~/utils/http-headers";

/** The printable directory as a PDF: the same households, the same policy, nothing more. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "view:directory");
  const households = await printableDirectory(await viewerFor(user));
  const pdf = await directoryPdf(user.churchName ?? "Kapatiran", households, new Date());
  const slug = user.churchSlug ?? "church";
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...memberPageHeaders(),
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="directory-${slug}-${new Date().toISOString().slice(0, 10)}.pdf"`,
    },
  });
}

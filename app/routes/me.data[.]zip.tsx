import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { i18next } from "~/i18n/i18next.server";
import { myDataZip } from "~/models/my-data-files.server";
import { gatherMyData } from "~/models/my-data.server";

/**
 * /me/data.zip: the same export as /me/data.json, as one CSV file per
 * section with a README, for a spreadsheet. Signed in is enough (see
 * me.data[.]json.tsx); the download is audited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await i18next.getLocale(request);
  const data = await gatherMyData(user, {
    format: "zip",
    locale,
    meta: { requestId: context.requestId, ipAddress: context.clientIp },
  });
  const { body, filename } = await myDataZip(data, locale);
  // A fresh Uint8Array over an ArrayBuffer: what the Fetch API types accept as a body.
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

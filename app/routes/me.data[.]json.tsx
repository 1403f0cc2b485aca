import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { i18next } from "~/i18n/i18next.server";
import { myDataJson } from "~/models/my-data-files.server";
import { gatherMyData } from "~/models/my-data.server";

/**
 * /me/data.json: everything Kapatiran holds about the signed-in person, as
 * one JSON file. Every signed-in person may have their own data (platform
 * staff too, whose roles lack `export:data:own`): it is theirs by law, so the
 * gate is being signed in. A resource route; the download is audited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await i18next.getLocale(request);
  const data = await gatherMyData(user, {
    format: "json",
    locale,
    meta: { requestId: context.requestId, ipAddress: context.clientIp },
  });
  const { body, filename } = myDataJson(data);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

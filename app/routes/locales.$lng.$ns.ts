import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/config";
import { resources, type Namespace } from "~/locales";

/** Translations for hydrated pages, one namespace at a time (see entry.client.tsx). */
export function loader({ params }: LoaderFunctionArgs) {
  const { lng, ns } = params;
  if (!isLocale(lng) || !ns || !(ns in resources[lng])) throw new Response("Not Found", { status: 404 });
  return Response.json(resources[lng][ns as Namespace], {
    headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" },
  });
}

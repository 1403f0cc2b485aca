/**
 * Where the browser fetches a fingerprinted asset (/build/…): from the CDN
 * when CDN_URL is set, from the app itself otherwise. The classic Remix
 * compiler bakes "/build/" into the build; one image serves staging and
 * production behind different CDNs, so the host is added at run time.
 * Anything outside /build/ (favicon, ops.js) stays on the app's origin.
 */
export function assetUrl(href: string, cdnUrl: string | undefined): string {
  if (!cdnUrl || !href.startsWith("/build/")) return href;
  return `${cdnUrl.replace(/\/+$/, "")}${href}`;
}

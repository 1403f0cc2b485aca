/**
 * Only same-origin paths are followed after a form or sign-in, so a link like
 * `?redirectTo=https://evil.example` or `//evil.example` cannot bounce a
 * visitor off-site (open redirect).
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target === "") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(target)) return fallback;
  try {
    const parsed = new URL(target, "http://kapatiran.invalid");
    if (parsed.origin !== "http://kapatiran.invalid") return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}

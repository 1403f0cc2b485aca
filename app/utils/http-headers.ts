/**
 * Pages that show member data: never stored by a shared cache (CloudFront,
 * a carrier proxy) and never indexed.
 */
export function memberPageHeaders(): HeadersInit {
  return { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
}

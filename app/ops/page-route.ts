/**
 * The route pattern of a rendered page (`/directory/:memberId`) from its path and
 * params, for the browser's error reports: ids and query strings stay out of
 * them, and reports of one page group together.
 */
export function pageRoute(pathname: string, params: Readonly<Record<string, string | undefined>>): string {
  let path = pathname;
  const splat = params["*"];
  if (splat !== undefined) {
    // Everything the splat matched is one "*" (a 404's path could be anything).
    const decoded = safeDecode(path);
    path = decoded.endsWith(splat) ? `${decoded.slice(0, decoded.length - splat.length)}*` : "/*";
  }
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) if (name !== "*" && value) names.set(value, name);
  const pattern = path
    .split("/")
    .map((segment) => {
      const name = names.get(safeDecode(segment));
      return name ? `:${name}` : segment;
    })
    .join("/");
  return pattern.replace(/\/\/+/g, "/") || "/";
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

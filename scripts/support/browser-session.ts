/**
 * Just enough of a browser for HTTP-level tests and the benchmarks: a cookie store (name + path,
 * expiry by Max-Age=0 or a past Expires) and requests that carry it, with
 * redirects left to the caller.
 */
export class CookieJar {
  readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = "/";
      let expired = value === "";
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=");
        if (key.toLowerCase() === "path") path = val;
        if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
        if (key.toLowerCase() === "expires" && Date.parse(val) < Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  get(name: string) {
    return [...this.cookies.values()].find((cookie) => cookie.name === name)?.value;
  }

  headerFor(url: string) {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter(({ path }) => pathname === path || pathname.startsWith(path.endsWith("/") ? path : `${path}/`))
      .map(({ name, value }) => `${name}=${value}`)
      .join("; ");
  }

  clone() {
    const copy = new CookieJar();
    for (const [key, cookie] of this.cookies) copy.cookies.set(key, { ...cookie });
    return copy;
  }
}

/** One request with the jar's cookies; the response's cookies go back into the jar. */
export async function browse(jar: CookieJar, url: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  const cookie = jar.headerFor(url);
  if (cookie) headers.set("cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(response);
  return response;
}

/** A form POST as a browser sends it from one of our pages (with its Origin). */
export function postForm(jar: CookieJar, url: string, fields: Record<string, string>) {
  return browse(jar, url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Follow redirects while they stay on `baseUrl`'s server; stop at /auth/callback. */
async function followUntilCallback(jar: CookieJar, response: Response, from: string) {
  let url = from;
  let current = response;
  for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops++) {
    url = new URL(current.headers.get("location") ?? "", url).href;
    if (new URL(url).pathname === "/auth/callback") return { callback: url, page: undefined };
    current = await browse(jar, url);
  }
  return { callback: undefined, page: { url, response: current } };
}

/**
 * From /auth/login to just before /auth/callback, typing `email` on the local
 * identity provider's page (development and tests only: it is never served in
 * production). Throws with the reason when a step goes wrong.
 */
export async function toCallback(baseUrl: string, jar: CookieJar, email: string, redirectTo?: string) {
  const login = `${baseUrl}/auth/login${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`;
  const started = await browse(jar, login);
  if (started.status !== 302) throw new Error(`/auth/login answered ${started.status}`);
  const authorize = new URL(started.headers.get("location")!);
  const first = await followUntilCallback(jar, started, login);
  if (first.callback) return { authorize, callback: first.callback };
  if (first.page!.response.status !== 200) throw new Error(`the sign-in page answered ${first.page!.response.status}`);
  const posted = await postForm(jar, `${first.page!.url}/login`, { email });
  const second = await followUntilCallback(jar, posted, `${first.page!.url}/login`);
  if (!second.callback) throw new Error(`the provider did not send ${email} back to the app`);
  return { authorize, callback: second.callback };
}

/** A whole sign-in in a fresh cookie jar; `finished` is the callback's response. */
export async function signIn(baseUrl: string, email: string, redirectTo?: string) {
  const jar = new CookieJar();
  const { callback, authorize } = await toCallback(baseUrl, jar, email, redirectTo);
  const finished = await browse(jar, callback);
  return { jar, finished, authorize, callback };
}

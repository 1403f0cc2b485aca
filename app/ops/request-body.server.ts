/**
 * Reads a request body as text, but stops at `maxBytes`: the browser report
 * endpoints are open to anyone, so a huge (or endless, chunked) body must not
 * be buffered just to be refused afterwards.
 */
export class BodyTooLarge extends Error {
  constructor() {
    super("body too large");
    this.name = "BodyTooLarge";
  }
}

export async function readCappedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON from a body read with `readCappedText`; undefined when it is not JSON (the caller answers 400). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short plain-text answer: what these endpoints say to a browser script or a curl user. */
export const textResponse = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** For a POST-only endpoint's loader: only POST means anything here, say so rather than Remix's "no loader" 400. */
export function postOnly() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain" } });
}

/**
 * The JSON body of a POST to a browser report endpoint, capped at `maxBytes`:
 * the parsed value (anything; the caller validates it), or the answer to give
 * instead — 405 for another method, 413 with `tooLarge` for a body too big.
 */
export async function cappedJsonBody(
  request: Request,
  maxBytes: number,
  tooLarge: string,
): Promise<{ json: unknown } | { refusal: Response }> {
  if (request.method !== "POST") return { refusal: textResponse("Method Not Allowed", 405) };
  try {
    return { json: parseJson(await readCappedText(request, maxBytes)) };
  } catch (error) {
    if (error instanceof BodyTooLarge) return { refusal: textResponse(tooLarge, 413) };
    throw error;
  }
}

import crypto from "node:crypto";
import { env } from "./env.server";

/**
 * The render memo: the HTML of pages that follow from their loader data, by
 * fingerprint (page-fingerprint.server.ts). Rendering is most of a page's CPU
 * (React, the layout, translations: about a quarter of a directory page in
 * the benchmark's profile); when the loaders — which always run, with sign-in,
 * permissions and privacy — return exactly what they returned before, the
 * HTML is the same and is sent again instead of rendered again. Anonymous
 * pages (help, the landing page) are shared by every visitor; signed-in pages
 * carry the member's name and permissions in their root data, so each
 * member's copies are their own.
 *
 * Nothing to invalidate: any change a page would show changes its loader data
 * and so its fingerprint. Old copies are only ever pushed out by new ones.
 *
 * The one part of a page that is new every time, the CSP nonce, is rendered as
 * a placeholder and filled in per response. The placeholder is random per
 * process, so no text a member types can be mistaken for it.
 *
 * In this process only: pages are small and rendering them again is cheap
 * next to a network round trip to Redis for a copy.
 */
export const NONCE_PLACEHOLDER = `nonce-${crypto.randomBytes(16).toString("hex")}`;

interface Copy {
  /** The page cut at each placeholder. */
  parts: Buffer[];
  bytes: number;
}

export class RenderedPages {
  private readonly copies = new Map<string, Copy>();
  private bytes = 0;

  /** `maxBytes` 0: keeps nothing. */
  constructor(private readonly maxBytes: number) {}

  /** The page with this fingerprint, its nonce filled in, if it was rendered before. */
  get(fingerprint: string, nonce: string): Uint8Array<ArrayBuffer> | undefined {
    const copy = this.copies.get(fingerprint);
    if (!copy) return undefined;
    // Most recently used last: the oldest go first when the memo is full.
    this.copies.delete(fingerprint);
    this.copies.set(fingerprint, copy);
    return filled(copy.parts, nonce);
  }

  /** Keeps `html` (rendered with NONCE_PLACEHOLDER) and returns it with `nonce` filled in. */
  keep(fingerprint: string, html: Buffer, nonce: string): Uint8Array<ArrayBuffer> {
    const parts = placeholderCuts(html);
    if (html.length > 0 && html.length <= this.maxBytes / 8 && !this.copies.has(fingerprint)) {
      this.copies.set(fingerprint, { parts, bytes: html.length });
      this.bytes += html.length;
      for (const [oldest, copy] of this.copies) {
        if (this.bytes <= this.maxBytes) break;
        this.copies.delete(oldest);
        this.bytes -= copy.bytes;
      }
    }
    return filled(parts, nonce);
  }

  get size(): number {
    return this.copies.size;
  }
}

/** `html`, rendered with NONCE_PLACEHOLDER, with `nonce` in its place: for a page that is not kept. */
export function withNonce(html: Buffer, nonce: string): Uint8Array<ArrayBuffer> {
  return filled(placeholderCuts(html), nonce);
}

const PLACEHOLDER_BYTES = Buffer.from(NONCE_PLACEHOLDER);

function placeholderCuts(html: Buffer): Buffer[] {
  const separator = PLACEHOLDER_BYTES;
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(separator); at !== -1; at = html.indexOf(separator, from)) {
    parts.push(html.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(html.subarray(from));
  return parts;
}

function filled(parts: Buffer[], nonce: string): Uint8Array<ArrayBuffer> {
  const filler = Buffer.from(nonce);
  const pieces = parts.flatMap((part, i) => (i === 0 ? [part] : [filler, part]));
  return asBody(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces));
}

/** `bytes` as a response body without copying them again (a Buffer's memory is an ArrayBuffer). */
export function asBody(bytes: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The process's memo, shared by every request. Rendered pages are 10–40 KB:
 * RENDER_MEMO_MB (32 by default) keeps about a thousand, a busy Sunday's recent pages.
 */
export const renderedPages = new RenderedPages(env.RENDER_MEMO_MB * 1024 * 1024);

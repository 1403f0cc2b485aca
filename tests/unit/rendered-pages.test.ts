import { describe, expect, it } from "vitest";
import { NONCE_PLACEHOLDER, RenderedPages, withNonce } from "~/utils/rendered-pages.server";

const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString() : undefined);
const page = (body: string) => Buffer.from(`<script nonce="${NONCE_PLACEHOLDER}"></script>${body}<style nonce="${NONCE_PLACEHOLDER}"></style>`);

describe("the render memo's store", () => {
  it("fills in each response's own nonce, at every place the page carries one", () => {
    const pages = new RenderedPages(1024 * 1024);
    expect(text(pages.keep("a", page("x"), "n1"))).toBe('<script nonce="n1"></script>x<style nonce="n1"></style>');
    expect(text(pages.get("a", "n2"))).toBe('<script nonce="n2"></script>x<style nonce="n2"></style>');
    expect(pages.get("b", "n2")).toBeUndefined();
  });

  it("uses a placeholder no one can type: random per process, never a plain word", () => {
    expect(NONCE_PLACEHOLDER).toMatch(/^nonce-[0-9a-f]{32}$/);
    expect(text(withNonce(Buffer.from("no scripts"), "n"))).toBe("no scripts");
  });

  it("keeps at most its byte budget, pushing out the least recently sent first", () => {
    const body = "y".repeat(60);
    const pages = new RenderedPages(page(body).length * 8); // room for eight
    pages.keep("a", page(body), "n");
    pages.keep("b", page(body), "n");
    pages.get("a", "n"); // a is now the most recently sent
    for (const key of ["c", "d", "e", "f", "g", "h", "i"]) pages.keep(key, page(body), "n");
    expect(pages.size).toBe(8);
    expect(pages.get("a", "n")).toBeDefined();
    expect(pages.get("b", "n")).toBeUndefined();
    expect(pages.get("c", "n")).toBeDefined();
  });

  it("keeps nothing with a budget of 0 (RENDER_MEMO_MB=0), and still sends every page", () => {
    const pages = new RenderedPages(0);
    expect(text(pages.keep("a", page("x"), "n"))).toContain('nonce="n"');
    expect(pages.get("a", "n")).toBeUndefined();
    expect(pages.size).toBe(0);
  });

  it("does not keep a page larger than an eighth of its budget, but still sends it", () => {
    const pages = new RenderedPages(800);
    const big = page("z".repeat(200));
    expect(text(pages.keep("big", big, "n"))).toContain('nonce="n"');
    expect(pages.get("big", "n")).toBeUndefined();
  });
});

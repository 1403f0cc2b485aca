import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Meta, RemixServer, Scripts, useLoaderData } from "@remix-run/react";
import { createElement as h } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeHydrationDataOnRead, onFirstRead } from "../../server/hydration-data";

/**
 * server/hydration-data.ts with Remix's own request handler: a document that
 * renders no <Scripts /> never encodes its loader data; one that does carries
 * the data as before. Counting the calls that reach Remix's real encoder is
 * what fails if a Remix upgrade stops calling it through its module's exports.
 */

type Encode = (...args: unknown[]) => ReadableStream<Uint8Array>;
const singleFetch = createRequire(import.meta.url)("@remix-run/server-runtime/dist/single-fetch.js") as { encodeViaTurboStream: Encode };
let encoded = 0;

beforeAll(() => {
  const remixEncode = singleFetch.encodeViaTurboStream;
  singleFetch.encodeViaTurboStream = (...args) => {
    encoded++;
    return remixEncode(...args);
  };
  expect(encodeHydrationDataOnRead()).toBe(true);
});

const loader = () => ({ greeting: "Mabuhay, Grace Church", sunday: new Date("2026-11-29T01:00:00Z") });

/** A one-route build like a page of ours: with or without <Scripts />. */
function buildWith(scripts: boolean): ServerBuild {
  function Page() {
    const { greeting } = useLoaderData<typeof loader>();
    return h("html", { lang: "en" }, h("head", null, h(Meta)), h("body", null, h("h1", null, greeting), scripts ? h(Scripts) : null));
  }
  function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
    return new Promise<Response>((resolve, reject) => {
      const { pipe } = renderToPipeableStream(h(RemixServer, { context, url: request.url }), {
        onAllReady() {
          const body = new PassThrough();
          headers.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
          pipe(body);
        },
        onShellError: reject,
      });
    });
  }
  const route = { id: "root", path: "", hasAction: false, hasLoader: true, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false };
  return {
    mode: "production",
    entry: { module: { default: handleRequest } },
    routes: { root: { id: "root", path: "", module: { default: Page, loader } } },
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: { root: { ...route, module: "/build/root.js" } }, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

async function page(scripts: boolean) {
  const before = encoded;
  const response = await createRequestHandler(buildWith(scripts), "production")(new Request("http://localhost/"));
  return { status: response.status, html: await response.text(), encodings: encoded - before };
}

describe("loader data for hydration", () => {
  it("is never encoded for a page that ships no script", async () => {
    const { status, html, encodings } = await page(false);
    expect(status).toBe(200);
    expect(html).toContain("<h1>Mabuhay, Grace Church</h1>");
    expect(html).not.toContain("<script");
    expect(encodings).toBe(0);
  });

  it("is encoded once, and carried, for a page that renders <Scripts />", async () => {
    const { status, html, encodings } = await page(true);
    expect(status).toBe(200);
    expect(encodings).toBe(1);
    // Remix's stream transfer: the turbo-stream chunk, with the greeting and the date as a date ("D").
    expect(html).toContain("__remixContext.streamController.enqueue");
    expect(html).toMatch(/Mabuhay, Grace Church.*\\"D\\",1795914000000/s);
  });
});

describe("onFirstRead", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const source = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        started++;
        controller.enqueue(bytes("one,"));
        controller.enqueue(bytes("two"));
        controller.close();
      },
    });
  let started = 0;

  it("starts its source only when read, and passes on every chunk", async () => {
    started = 0;
    const lazy = onFirstRead(source);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toBe(0);
    expect(await new Response(lazy).text()).toBe("one,two");
    expect(started).toBe(1);
  });
});

/**
 * Reference (b), a naive Remix app: Remix's own Express request handler and
 * a hand-written server build with one root route — a loader reading the
 * first directory page's 25 rows (first-page.ts) and a component rendering
 * them in the default template's document (Meta, Links, Scripts), streamed
 * by an entry.server like Remix's default. No layout, no sign-in, no
 * permissions, no privacy, no translations: what Remix itself costs for the
 * same rows. Started by scripts/bench/run.ts as its own process: DATABASE_URL
 * and PORT from the environment.
 */
import { PassThrough } from "node:stream";
import { createRequestHandler } from "@remix-run/express";
import { createReadableStreamFromReadable, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Links, Meta, RemixServer, Scripts, useLoaderData } from "@remix-run/react";
import express from "express";
import { renderToPipeableStream } from "react-dom/server";
import { firstPageReader, type Row } from "./first-page";

const { firstPage } = await firstPageReader(process.env.DATABASE_URL!);

async function loader() {
  return { rows: await firstPage() };
}

function Directory() {
  const { rows } = useLoaderData<{ rows: Row[] }>();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
      </head>
      <body>
        <h1>Directory</h1>
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              <a href={`/directory/${row.id}`}>
                {row.given_name} {row.family_name}
              </a>
              {row.phone ? <a href={`tel:${row.phone}`}> {row.phone}</a> : null}
            </li>
          ))}
        </ul>
        <Scripts />
      </body>
    </html>
  );
}

/** Remix's default entry.server for a browser: stream once the shell is ready. */
function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<RemixServer context={context} url={request.url} />, {
      onShellReady() {
        const body = new PassThrough();
        headers.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
        pipe(body);
      },
      onShellError: reject,
    });
  });
}

const build: ServerBuild = {
  mode: "production",
  entry: { module: { default: handleRequest } },
  routes: { root: { id: "root", path: "", module: { default: Directory, loader } } },
  assets: {
    entry: { module: "/build/entry.client.js", imports: [] },
    routes: {
      root: {
        id: "root",
        path: "",
        module: "/build/root.js",
        hasAction: false,
        hasLoader: true,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: false,
      },
    },
    url: "/build/manifest.js",
    version: "bench",
  },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  // The same future flags as Kapatiran (remix.config.js): single fetch, lazy route discovery.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
  isSpaMode: false,
};

const app = express();
app.disable("x-powered-by");
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT), "127.0.0.1");
server.keepAliveTimeout = 65_000;
process.on("SIGTERM", () => server.close(() => process.exit(0)));

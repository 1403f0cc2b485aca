/**
 * Reference (a), the ceiling: a bare node:http server that answers every GET
 * with the first directory page's 25 rows (first-page.ts) in a string
 * template. No framework, no sign-in, no layout: what one query and one
 * string cost on this machine. Started by scripts/bench/run.ts as its own
 * process: DATABASE_URL and PORT from the environment.
 */
import http from "node:http";
import { escapeHtml, firstPageReader } from "./first-page";

const { firstPage } = await firstPageReader(process.env.DATABASE_URL!);

const server = http.createServer((request, response) => {
  firstPage().then(
    (rows) => {
      const items = rows
        .map(
          (row) =>
            `<li><a href="/directory/${row.id}">${escapeHtml(`${row.given_name} ${row.family_name}`)}</a>` +
            (row.phone ? ` <a href="tel:${escapeHtml(row.phone)}">${escapeHtml(row.phone)}</a>` : "") +
            "</li>",
        )
        .join("");
      const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Directory</title></head><body><h1>Directory</h1><ul>${items}</ul></body></html>`;
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    },
    (error: unknown) => {
      console.error(error);
      response.writeHead(500).end();
    },
  );
  request.resume();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));

import { pathToFileURL } from "node:url";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~/db/seed/demo.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { signedInJar } from "../support/sign-in";
import { startTestServer, type TestServer } from "../support/server";
import { MATRIX, PERSONAS, type Persona } from "./authorization-matrix";
import { matrixFixtures, type Fixtures } from "./authorization-fixtures";

const ACCOUNTS: Record<Exclude<Persona, "anonymous">, string> = {
  member: "member@grace.example",
  leader: "leader@grace.example",
  admin: "admin@grace.example",
  staff: "staff@kapatiran.example",
  ops: "ops@kapatiran.example",
  otherAdmin: "admin@hope.example",
};

let server: TestServer;
let fixtures: Fixtures;
const jars = new Map<Persona, CookieJar>();

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  fixtures = await matrixFixtures(server.database.db);
  jars.set("anonymous", new CookieJar());
  for (const [persona, email] of Object.entries(ACCOUNTS)) jars.set(persona as Persona, await signedInJar(server.url, email));
});
afterAll(async () => {
  await server.close();
});

/** Every page route of the build as a full pattern ("/admin/users/:userId"), layouts left out. */
async function appRoutes(): Promise<string[]> {
  const build = (await import(pathToFileURL(path.resolve("build/remix/index.js")).href)) as ServerBuild;
  const routes = Object.values(build.routes);
  const parents = new Set(routes.map((route) => route.parentId));
  const fullPath = (id: string | undefined): string => {
    const route = id ? build.routes[id] : undefined;
    if (!route) return "";
    const own = route.path ? `/${route.path}` : "";
    return `${fullPath(route.parentId)}${own}`;
  };
  return routes
    .filter((route) => route.id !== "root" && (route.index || !parents.has(route.id)))
    .map((route) => fullPath(route.id) || "/");
}

const fill = (template: string) =>
  template.replace(/:(\w+)/g, (whole, name: string) => (fixtures as unknown as Record<string, string>)[name] ?? whole);

describe("authorization matrix", () => {
  it("has a row for every route of the app", async () => {
    const covered = new Set(MATRIX.map((row) => row.route));
    const missing = (await appRoutes()).filter((route) => !covered.has(route));
    expect(missing, "routes without a row in tests/integration/authorization-matrix/").toEqual([]);
  });

  it.each(MATRIX.map((row) => [`${row.method} ${row.path ?? row.route}`, row] as const))("%s", async (_name, row) => {
    const url = `${server.url}${fill(row.path ?? row.route)}`;
    const mismatches: string[] = [];
    for (const persona of PERSONAS) {
      const jar = jars.get(persona)!;
      const response =
        row.method === "POST" ? await postForm(jar, url, row.form ?? {}) : await browse(jar, url);
      await response.arrayBuffer();
      const expected = row.expect[persona];
      const allowed = Array.isArray(expected) ? expected : [expected];
      if (!allowed.includes(response.status)) {
        mismatches.push(`${persona}: got ${response.status}, expected ${allowed.join(" or ")}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

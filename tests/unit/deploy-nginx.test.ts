import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { liveSlotIn, PRODUCTION_SITE, renderPrivateNginx, renderSite, renderUpstream } from "../../scripts/delivery/nginx";

const ports = { blue: 3001, green: 3002 };
const template = fs.readFileSync(path.resolve(__dirname, "../../infra/nginx/kapatiran.conf"), "utf8");
/** The file without its comments: what nginx reads. */
const directivesOf = (text: string) => text.split("\n").filter((line) => !line.trim().startsWith("#")).join("\n");

describe("the upstream file scripts/deploy writes", () => {
  it("sends traffic to the live slot and keeps the other one as a backup for retries", () => {
    const green = renderUpstream("green", ports, "rel-2 live in green");
    expect(green).toContain("server 127.0.0.1:3002 max_fails=0;");
    expect(green).toContain("server 127.0.0.1:3001 backup max_fails=0;");
    expect(green.split("\n")[0]).toBe("# rel-2 live in green");
    expect(liveSlotIn(green, ports)).toBe("green");
    expect(liveSlotIn(renderUpstream("blue", ports, "x"), ports)).toBe("blue");
  });

  it("keeps a note on one comment line", () => {
    expect(renderUpstream("blue", ports, "a\nserver 10.0.0.1:80;").split("\n").filter((l) => l.startsWith("server"))).toHaveLength(2);
  });
});

describe("infra/nginx/kapatiran.conf", () => {
  it("serves /build/ from the shared assets folder, cached for a year as immutable", () => {
    expect(template).toMatch(/location \/build\/ \{[^}]*root \/srv\/kapatiran\/assets;[^}]*add_header Cache-Control "public, max-age=31536000, immutable";/s);
  });

  it("retries only requests nginx may repeat: never a POST it has sent", () => {
    expect(directivesOf(template)).toMatch(/proxy_next_upstream error timeout http_502 http_504;/);
    expect(directivesOf(template)).not.toMatch(/non_idempotent/);
  });

  it("takes its upstream from the file the deploy rewrites", () => {
    expect(template).toMatch(/upstream kapatiran_app \{[^}]*include \/etc\/nginx\/kapatiran-upstream\.conf;/s);
  });

  it("renders for a private nginx: every production path and port swapped, nothing else", () => {
    const site = renderSite(template, {
      listen: "127.0.0.1:18080",
      assetsRoot: "/tmp/box/assets",
      upstreamFile: "/tmp/box/upstream.conf",
      accessLog: "/tmp/box/access.log",
    });
    expect(site).toContain("listen 127.0.0.1:18080;");
    expect(site).toContain("root /tmp/box/assets;");
    expect(site).toContain("include /tmp/box/upstream.conf;");
    expect(directivesOf(site)).not.toMatch(/\/srv\/kapatiran|\/etc\/nginx|\/var\/log|listen 80|\[::\]/);
    expect(site).toContain("proxy_next_upstream error timeout http_502 http_504;");
    const main = renderPrivateNginx("/tmp/box/nginx", site);
    expect(main).toContain("pid /tmp/box/nginx/nginx.pid;");
    expect(main).toContain(site);
  });

  it("refuses to render a file that no longer has the production lines", () => {
    const changed = template.replace(PRODUCTION_SITE.assetsRoot, "root /elsewhere;");
    expect(() => renderSite(changed, { listen: "x", assetsRoot: "a", upstreamFile: "u", accessLog: "l" })).toThrow(/no longer contains/);
  });
});

describe("scripts/deploy, scripts/rollback, scripts/smoke", () => {
  it.each(["deploy", "rollback", "smoke"])("scripts/%s is an executable shim for its script in build/scripts/", (name) => {
    const file = path.resolve(__dirname, "../../scripts", name);
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(file, "utf8")).toContain(`build/scripts/${name}.js`);
  });
});

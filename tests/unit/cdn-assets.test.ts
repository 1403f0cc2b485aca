import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { assetUrl } from "~/utils/asset-url";
import { withAssetsFrom } from "../../server/cdn-assets";

const build = Object.freeze({
  mode: "production",
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  assets: {
    version: "ab1afc61",
    url: "/build/manifest-AB1AFC61.js",
    entry: { module: "/build/entry.client-6W5SYK5T.js", imports: ["/build/_shared/chunk-VFXPNCZO.js"] },
    routes: {
      root: { id: "root", path: "", module: "/build/root-GSBPAYBU.js", imports: ["/build/_shared/chunk-YK2C5EI2.js"] },
      "routes/help": {
        id: "routes/help",
        parentId: "root",
        path: "help",
        module: "/build/routes/help-PWJ4DHRE.js",
        css: ["/build/_assets/help-X.css"],
      },
    },
  },
}) as unknown as ServerBuild;

describe("assets on a CDN", () => {
  it("puts every browser asset of the build on the CDN's host", () => {
    const moved = withAssetsFrom(build, "https://cdn.example/");
    expect(moved.publicPath).toBe("https://cdn.example/build/");
    expect(moved.assets.url).toBe("https://cdn.example/build/manifest-AB1AFC61.js");
    expect(moved.assets.entry).toEqual({
      module: "https://cdn.example/build/entry.client-6W5SYK5T.js",
      imports: ["https://cdn.example/build/_shared/chunk-VFXPNCZO.js"],
    });
    expect(moved.assets.routes.root).toMatchObject({
      module: "https://cdn.example/build/root-GSBPAYBU.js",
      imports: ["https://cdn.example/build/_shared/chunk-YK2C5EI2.js"],
    });
    expect(moved.assets.routes["routes/help"]).toMatchObject({
      path: "help",
      module: "https://cdn.example/build/routes/help-PWJ4DHRE.js",
      css: ["https://cdn.example/build/_assets/help-X.css"],
    });
    expect(moved.assets.version).toBe("ab1afc61");
    // The loaded build stays as it was (it is frozen, and tests share it).
    expect(build.assets.entry.module).toBe("/build/entry.client-6W5SYK5T.js");
  });

  it("leaves the build alone without a CDN", () => {
    expect(withAssetsFrom(build, undefined)).toBe(build);
  });

  it("moves only fingerprinted /build/ files", () => {
    expect(assetUrl("/build/_assets/app.css", "https://cdn.example")).toBe("https://cdn.example/build/_assets/app.css");
    expect(assetUrl("/favicon.svg", "https://cdn.example")).toBe("/favicon.svg");
    expect(assetUrl("/build/_assets/app.css", undefined)).toBe("/build/_assets/app.css");
  });
});

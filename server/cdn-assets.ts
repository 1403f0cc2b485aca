import type { ServerBuild } from "@remix-run/node";
import { assetUrl } from "../app/utils/asset-url";

/**
 * The Remix build with its browser manifest pointing at the CDN: the entry
 * script, the route modules and the chunks they import, which Remix renders as
 * <script type="module"> and <link rel="modulepreload"> and hands to the
 * browser for later navigations (/__manifest). The build module itself is
 * frozen, so this is a copy; without a CDN the build is used as it is.
 */
export function withAssetsFrom(build: ServerBuild, cdnUrl: string | undefined): ServerBuild {
  if (!cdnUrl) return build;
  const onCdn = (href: string) => assetUrl(href, cdnUrl);
  const { assets } = build;
  const routes = Object.fromEntries(
    Object.entries(assets.routes).map(([id, route]) => [
      id,
      { ...route, module: onCdn(route.module), imports: route.imports?.map(onCdn), css: route.css?.map(onCdn) },
    ]),
  );
  return {
    ...build,
    publicPath: onCdn(build.publicPath),
    assets: {
      ...assets,
      url: onCdn(assets.url),
      entry: { ...assets.entry, module: onCdn(assets.entry.module), imports: assets.entry.imports.map(onCdn) },
      routes,
    },
  };
}

import { networkInterfaces } from "node:os";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Hosts besides localhost the development server may be opened at: 127.0.0.1 and this machine's
 * own network addresses (a phone on the same Wi-Fi). Next 16 blocks its development resources for
 * any other host, so React never starts there (development only; a build ignores it).
 */
export function devOrigins(): string[] {
  const own = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === "IPv4")
    .map((address) => address!.address);
  return ["127.0.0.1", ...new Set(own)];
}

export default function config(): NextConfig {
  const nextConfig: NextConfig = {
    allowedDevOrigins: devOrigins(),
    // PGlite loads its WASM and data files relative to its own package; bundling it breaks that.
    serverExternalPackages: ["@electric-sql/pglite"],
    poweredByHeader: false,
    // `npm test` type-checks the whole project (with Next's route types, `next typegen`) before it
    // builds, so its build skips the same check; any other build still runs it.
    typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === "true" },
    experimental: {
      // Requests may carry up to 5 files of 10 MB on a form (lib/files/upload-limits.ts); the
      // limits are enforced by the domain code with a translated message, so the framework must
      // let such a body through rather than cut it off first.
      serverActions: { bodySizeLimit: "80mb" },
      proxyClientMaxBodySize: "80mb",
      // forbidden() in dashboard pages answers 403 for a role that may not see them.
      authInterrupts: true,
      // Static public pages are rendered on first request and kept in memory only: a restart
      // (new environment, another database) never serves pages rendered for the old one.
      isrFlushToDisk: false,
    },
    // Static pages are cached with a Content-Security-Policy fitting their inline scripts.
    cacheHandler: require.resolve("./lib/security/static-page-cache.mjs"),
    // No Content-Security-Policy here: pages get theirs from proxy.ts or the page cache, route
    // handlers (downloads) send their own, and a header set here would override theirs.
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders() }];
    },
  };
  return withNextIntl(nextConfig);
}

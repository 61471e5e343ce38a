import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default function config(phase: string): NextConfig {
  const nextConfig: NextConfig = {
    // PGlite loads its WASM and data files relative to its own package; bundling it breaks that.
    serverExternalPackages: ["@electric-sql/pglite"],
    poweredByHeader: false,
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders({ development: phase === PHASE_DEVELOPMENT_SERVER }) }];
    },
  };
  return withNextIntl(nextConfig);
}

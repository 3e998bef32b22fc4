import createNextIntlPlugin from "next-intl/plugin";
import { responseHeaderRules } from "./server/response-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages that ship WebAssembly or native code; bundling them breaks their loaders.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg", "@node-rs/argon2"],
  poweredByHeader: false,
  // The site has no next/image. The optimizer would fetch any local address it is given; off, and the
  // web server refuses /_next/image before Next.js (server/web-server.ts).
  images: { unoptimized: true },
  experimental: {
    // The stylesheet goes out as its own files, cached for a year, not inside every page: inlined,
    // Next.js also copied it twice into the React payload, about 42 KB of every page's HTML (measured on
    // the indicator page, the overview and a page without figures), sent again on each page a reader opens.
    inlineCss: false,
  },
  // Lets two builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return responseHeaderRules(process.env.NODE_ENV);
  },
};

export default withNextIntl(nextConfig);

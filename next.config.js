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
    // The stylesheet is small (13 KB, under 4 KB gzipped): sent inside the HTML, it no longer holds the
    // first paint back by a round trip on slow connections. Next.js also copies it twice into the React
    // payload, so it costs about 33 KB of the page uncompressed but under 6 KB gzipped (measured on the
    // indicator page): less than the round trip of a render-blocking stylesheet on a phone's first view.
    inlineCss: true,
  },
  // Lets two builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return responseHeaderRules(process.env.NODE_ENV);
  },
};

export default withNextIntl(nextConfig);

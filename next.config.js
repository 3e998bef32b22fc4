import createNextIntlPlugin from "next-intl/plugin";

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
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
      // Browsers honour it only over HTTPS, where production runs; two years, as the preload list asks.
      ...(process.env.NODE_ENV === "production"
        ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
        : []),
    ];
    return [
      { source: "/:path*", headers: everywhere },
      // Pages get their Content-Security-Policy, with a script nonce, from proxy.ts. Only embeds may be framed.
      { source: "/:path((?!(?:es|en)/embed/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // The API, feeds and files run no script and are framed by no one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      {
        source: "/:locale(es|en)/changes/feed.xml",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

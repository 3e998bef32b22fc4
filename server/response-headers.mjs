// The headers every response carries, by path. One source for next.config.js (pages, files, and
// whatever Next.js answers) and for the answers server/web-server.ts gives without Next.js.

const NO_SCRIPT_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** @param {string | undefined} nodeEnv */
function everywhere(nodeEnv) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    // Browsers honour it only over HTTPS, where production runs; two years, as the preload list asks.
    ...(nodeEnv === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/**
 * Next.js's `headers()` rules.
 * @param {string | undefined} nodeEnv
 */
export function responseHeaderRules(nodeEnv) {
  return [
    { source: "/:path*", headers: everywhere(nodeEnv) },
    // Pages get their Content-Security-Policy, with a script nonce, from proxy.ts. Only embeds may be framed.
    { source: "/:path((?!(?:es|en)/embed/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    // The API, feeds and files run no script and are framed by no one.
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NO_SCRIPT_POLICY }] },
    { source: "/:locale(es|en)/changes/feed.xml", headers: [{ key: "Content-Security-Policy", value: NO_SCRIPT_POLICY }] },
  ];
}

/**
 * What the rules above give every path under /api/, as one header object.
 * @param {string | undefined} nodeEnv
 * @returns {Record<string, string>}
 */
export function apiResponseHeaders(nodeEnv) {
  return Object.fromEntries(
    [...everywhere(nodeEnv), { key: "X-Frame-Options", value: "DENY" }, { key: "Content-Security-Policy", value: NO_SCRIPT_POLICY }].map(
      ({ key, value }) => [key.toLowerCase(), value],
    ),
  );
}

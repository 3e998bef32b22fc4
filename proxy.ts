import createMiddleware from "next-intl/middleware";
import { NextRequest } from "next/server";
import { isNextInternalRequest, PUBLIC_REVALIDATE } from "./server/cache/next-internal";
import { canonicalPageQuery, publicRoute } from "./lib/public-routes";
import { PAGE_ADDRESS_HEADER } from "./lib/i18n/page-address";
import { routing } from "./lib/i18n/routing";
import { contentSecurityPolicy, createNonce, isEmbedPath } from "./lib/security/content-security-policy";

// Sends "/" and unprefixed paths to /es/... or /en/... from the reader's cookie or Accept-Language.
const handleI18nRouting = createMiddleware(routing);

/**
 * Every page gets a fresh script nonce. Next.js reads it from the request's policy header and puts
 * it on the scripts it writes; the same policy goes out with the response.
 */
export default function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    frameable: isEmbedPath(request.nextUrl.pathname),
    development: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // The language switch links from this (lib/i18n/page-address.ts); set here, never taken from the reader.
  const { pathname, searchParams } = request.nextUrl;
  headers.set(PAGE_ADDRESS_HEADER, `${pathname}${canonicalPageQuery(pathname, searchParams)}`);
  const response = handleI18nRouting(new NextRequest(request, { headers }));
  response.headers.set("content-security-policy", policy);
  // A public page is the same for every reader, and says so, as the cached copy of it will
  // (server/cache/caching-handler.ts keeps only what says public); Next.js would call it private.
  const isPublicPage = publicRoute(request.nextUrl.pathname)?.kind === "page" && (request.method === "GET" || request.method === "HEAD");
  if (isPublicPage && !isNextInternalRequest(request.headers.keys(), request.nextUrl.searchParams) && !response.headers.has("location")) {
    response.headers.set("cache-control", PUBLIC_REVALIDATE);
  }
  return response;
}

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};

// Requests with which Next.js answers something other than the page a reader gets: a prefetch's `{}`,
// a component payload for a client-side navigation, a data request, or headers only its own machinery
// sends. The public cache neither reads nor fills for them, and pages do not call their answers public.

const NEXT_INTERNAL_HEADER =
  /^(?:rsc|next-.*|x-middleware-.*|x-nextjs-.*|x-now-.*|x-invoke-.*|x-vercel-.*|x-matched-path|x-prerender-revalidate.*)$/i;
const NEXT_INTERNAL_PARAM = /^(?:_rsc|__next.*)$/;

export function isNextInternalRequest(headerNames: Iterable<string>, params: URLSearchParams): boolean {
  for (const name of headerNames) if (NEXT_INTERNAL_HEADER.test(name)) return true;
  for (const name of params.keys()) if (NEXT_INTERNAL_PARAM.test(name)) return true;
  return false;
}

/** What a response the app means for every reader says: browsers and shared caches revalidate it each time (an ETag makes that a 304). */
export const PUBLIC_REVALIDATE = "public, max-age=0, must-revalidate";

import { headers } from "next/headers";
import { trustedProxyCount } from "./api/client-address";

/** The entry the outermost of `trusted` proxies wrote in a comma-separated forwarding header. */
function forwarded(value: string | null, trusted: number): string | undefined {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - trusted)];
}

/**
 * This site's origin (scheme, host and port) for a request: CONTRASTE_PUBLIC_URL when set; else the
 * request's Host with the scheme this server speaks (plain HTTP). X-Forwarded-Host and -Proto are
 * anyone's to write, so they count only behind CONTRASTE_TRUSTED_PROXIES proxies. The same-origin
 * check of writes and the absolute links of pages, embeds, oEmbed and the feed all use it, so a
 * forged header can neither pass the one nor bend the other. Null when the request names no usable origin.
 */
export function requestOrigin(requestHeaders: Headers): string | null {
  if (process.env.CONTRASTE_PUBLIC_URL) return new URL(process.env.CONTRASTE_PUBLIC_URL).origin;
  const trusted = trustedProxyCount();
  const host = (trusted > 0 ? forwarded(requestHeaders.get("x-forwarded-host"), trusted) : undefined) ?? requestHeaders.get("host");
  const scheme = (trusted > 0 ? forwarded(requestHeaders.get("x-forwarded-proto"), trusted) : undefined) ?? "http";
  if (!host || (scheme !== "http" && scheme !== "https")) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The public origin for citations and embeds; a request naming no usable origin gets the default address. */
export function originFromHeaders(requestHeaders: Headers): string {
  return requestOrigin(requestHeaders) ?? "http://localhost:3000";
}

export async function siteOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}

import { headers } from "next/headers";

/** The public origin for citations and embeds: CONTRASTE_PUBLIC_URL, else the host the reader asked for. */
export function originFromHeaders(requestHeaders: Headers): string {
  if (process.env.CONTRASTE_PUBLIC_URL) return process.env.CONTRASTE_PUBLIC_URL.replace(/\/$/, "");
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return `${protocol}://${host}`;
}

export async function siteOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}

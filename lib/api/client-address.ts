import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import { z } from "zod";

/**
 * The header through which the web server tells route handlers where a request came from. Anything
 * a client sends under this name is overwritten, so handlers can trust it; `X-Forwarded-For` they
 * cannot, since any client may write one.
 */
export const CLIENT_ADDRESS_HEADER = "x-contraste-client-address";

const trustedProxiesSchema = z.coerce
  .number({ message: "CONTRASTE_TRUSTED_PROXIES must be a whole number of proxies, 0 or more" })
  .int("CONTRASTE_TRUSTED_PROXIES must be a whole number of proxies, 0 or more")
  .min(0, "CONTRASTE_TRUSTED_PROXIES must be a whole number of proxies, 0 or more")
  .max(10, "CONTRASTE_TRUSTED_PROXIES above 10 is surely a mistake");

/** How many reverse proxies stand in front of the app (CONTRASTE_TRUSTED_PROXIES, default 0). */
export function trustedProxyCount(value = process.env.CONTRASTE_TRUSTED_PROXIES): number {
  return value === undefined || value === "" ? 0 : trustedProxiesSchema.parse(value);
}

/**
 * Each proxy appends the address it was reached from to X-Forwarded-For; only the entries our own
 * proxies appended are true, the rest are the client's to write. With `trusted` proxies, the client
 * is the address the outermost of them saw: the `trusted`-th entry from the right of
 * "X-Forwarded-For, socket peer". With none, it is the socket peer.
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? "unknown"];
  const candidate = chain[Math.max(0, chain.length - 1 - trusted)] ?? "unknown";
  // A proxy we trust writes addresses; anything else in that place means the chain is shorter than configured.
  return isIP(candidate) ? candidate : (socketAddress ?? "unknown");
}

/** Replaces whatever the client sent under CLIENT_ADDRESS_HEADER with the address worked out here. */
export function stampClientAddress(req: IncomingMessage, trusted: number): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
}

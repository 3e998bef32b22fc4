import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import type { LinkState } from "../schemas/enums";

// Checks that a source's address still leads to a page (npm run sources:check). Any staff member
// can type any address, so the checker is a request-maker aimed by someone else: it refuses
// addresses inside the network it runs in (checked on every hop, on the address actually
// connected to, so neither a redirect nor a DNS answer changed between two look-ups gets past it),
// reads no body, and gives up on a slow server after a set time.

/** A short, stable code of why there is no usable answer (Source.linkError). */
export type LinkErrorCode =
  | "timeout"
  | "tls"
  | "dns"
  | "refused"
  | "reset"
  | "network"
  | "too_many_redirects"
  | "redirect_loop"
  | "bad_redirect"
  | "http_status"
  | "private_address"
  | "unsupported_url";

export type LinkCheckResult = {
  state: LinkState;
  /** The last HTTP status received; null when no server answered. */
  statusCode: number | null;
  error: LinkErrorCode | null;
  /** Every address a redirect led to, in order (the checked address itself is not repeated). */
  redirects: string[];
};

/** What one request saw: a status and, for a redirect, where it points; or why there was no answer. */
export type HopAnswer = { status: number; location: string | null } | { error: LinkErrorCode; detail?: string };

/** Makes one request and reads only its head. Injectable, so tests can script a server's answers. */
export type RequestHead = (url: URL, method: "HEAD" | "GET", options: { signal: AbortSignal; userAgent: string }) => Promise<HopAnswer>;

export type LinkCheckOptions = {
  userAgent: string;
  /** Each request's limit, from connecting to the response's head. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Loopback addresses are refused like every other internal one, unless a test serves on them. */
  allowLoopback?: boolean;
  request?: RequestHead;
};

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// The site turns robots away; the page may be there, so readers are not told it is gone.
const UNVERIFIABLE_STATUSES = new Set([401, 403, 429]);

/** The state a final HTTP status means. */
export function stateOfStatus(status: number): LinkState {
  if (status >= 200 && status < 300) return "ok";
  if (UNVERIFIABLE_STATUSES.has(status)) return "unverifiable";
  return "broken";
}

// Addresses no public page lives at: this host, the local networks, the cloud metadata service
// (169.254.169.254), carrier-grade NAT, documentation and benchmark ranges, multicast, reserved.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

// An IPv4 address written inside an IPv6 one (::ffff:10.0.0.1, NAT64's 64:ff9b::a00:1) reaches
// the IPv4 host: it is judged as that host.
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Whether a request may go to this IP address. */
export function isPublicAddress(address: string, allowLoopback = false): boolean {
  const ipv4 = isIP(address) === 4 ? address : embeddedIpv4(address);
  const family = ipv4 ? "ipv4" : isIP(address) === 6 ? "ipv6" : null;
  if (!family) return false;
  const judged = ipv4 ?? address;
  if (allowLoopback && LOOPBACK.check(judged, family)) return true;
  return !NON_PUBLIC.check(judged, family);
}

class PrivateAddressError extends Error {
  readonly code = "PRIVATE_ADDRESS";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails for a name resolving to any internal address; the connection uses what it checked. */
function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0 || addresses.some((entry) => !isPublicAddress(entry.address, allowLoopback)))
        return callback(new PrivateAddressError(`${hostname} resolves to an internal address`), []);
      const [first] = addresses;
      if (options.all) callback(null, addresses);
      else callback(null, first!.address, first!.family);
    });
  };
}

const TLS_CODES = new Set([
  "EPROTO",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_REVOKED",
  "HOSTNAME_MISMATCH",
]);

/** The short code of a request's failure. */
export function errorCodeOf(error: unknown, signal?: AbortSignal): LinkErrorCode {
  if (signal?.aborted) return "timeout";
  const failure = error as { name?: string; code?: string; message?: string } | null;
  const code = failure?.code ?? "";
  if (error instanceof PrivateAddressError || code === "PRIVATE_ADDRESS") return "private_address";
  if (failure?.name === "AbortError" || failure?.name === "TimeoutError" || code === "ETIMEDOUT") return "timeout";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_FAIL" || code === "EAI_NODATA") return "dns";
  if (code === "ECONNREFUSED") return "refused";
  if (code === "ECONNRESET" || code === "EPIPE") return "reset";
  if (TLS_CODES.has(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_") || /\b(ssl|tls)\b/i.test(failure?.message ?? ""))
    return "tls";
  return "network";
}

/** The request the checker makes by default: node:http(s), no connection reuse, the body never read. */
export function nodeRequestHead(allowLoopback: boolean): RequestHead {
  const lookup = guardedLookup(allowLoopback);
  return (url, method, { signal, userAgent }) =>
    new Promise<HopAnswer>((resolve) => {
      // A literal IP address is connected to without a look-up, so it is judged here.
      const literal = url.hostname.replace(/^\[|\]$/g, "");
      if (isIP(literal) && !isPublicAddress(literal, allowLoopback)) return resolve({ error: "private_address" });
      const client = url.protocol === "https:" ? https : http;
      const request = client.request(url, {
        method,
        signal,
        lookup: lookup as never,
        agent: false,
        headers: { "User-Agent": userAgent, Accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8" },
      });
      request.on("response", (response) => {
        const location = response.headers.location ?? null;
        // Only the head was wanted: the body is never read, whatever its size.
        response.destroy();
        request.destroy();
        resolve({ status: response.statusCode ?? 0, location });
      });
      request.on("error", (error) => resolve({ error: errorCodeOf(error, signal), detail: (error as Error).message }));
      request.end();
    });
}

const isWebAddress = (url: URL) => (url.protocol === "http:" || url.protocol === "https:") && url.username === "" && url.password === "";

/** Follows one address through its redirects with one method. */
async function follow(
  start: URL,
  method: "HEAD" | "GET",
  options: Required<Omit<LinkCheckOptions, "allowLoopback">>,
): Promise<LinkCheckResult> {
  const redirects: string[] = [];
  const seen = new Set([start.href]);
  let current = start;
  let lastStatus: number | null = null;
  for (;;) {
    const answer = await options.request(current, method, { signal: AbortSignal.timeout(options.timeoutMs), userAgent: options.userAgent });
    if ("error" in answer) {
      // An internal address is not a broken page: whoever typed it is told, readers are not.
      const state = answer.error === "private_address" ? "unverifiable" : "broken";
      return { state, statusCode: lastStatus, error: answer.error, redirects };
    }
    lastStatus = answer.status;
    if (!REDIRECT_STATUSES.has(answer.status) || answer.location === null) {
      const state = stateOfStatus(answer.status);
      return { state, statusCode: answer.status, error: state === "ok" ? null : "http_status", redirects };
    }
    let next: URL;
    try {
      next = new URL(answer.location, current);
    } catch {
      return { state: "broken", statusCode: answer.status, error: "bad_redirect", redirects };
    }
    if (!isWebAddress(next)) return { state: "broken", statusCode: answer.status, error: "bad_redirect", redirects };
    // A fragment is the reader's position in the page; the server never sees it.
    next.hash = "";
    redirects.push(next.href);
    if (seen.has(next.href)) return { state: "broken", statusCode: answer.status, error: "redirect_loop", redirects };
    if (redirects.length > options.maxRedirects)
      return { state: "broken", statusCode: answer.status, error: "too_many_redirects", redirects };
    seen.add(next.href);
    current = next;
  }
}

// Servers that refuse HEAD, or answer it wrongly (a 404 or a 500 for a page GET serves), are asked
// again with GET. An answer GET would give too (no name, no connection, no TLS) is not asked twice.
const RETRY_WITH_GET = new Set<LinkErrorCode | null>(["http_status", "reset", "network"]);

/** Checks one address: HEAD first, GET when HEAD got no clear answer; never reads a body. */
export async function checkLink(address: string, options: LinkCheckOptions): Promise<LinkCheckResult> {
  let start: URL;
  try {
    start = new URL(address);
  } catch {
    return { state: "unverifiable", statusCode: null, error: "unsupported_url", redirects: [] };
  }
  if (!isWebAddress(start)) return { state: "unverifiable", statusCode: null, error: "unsupported_url", redirects: [] };
  start.hash = "";
  const settings = {
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    request: options.request ?? nodeRequestHead(options.allowLoopback ?? false),
  };
  const head = await follow(start, "HEAD", settings);
  if (head.state === "ok" || !RETRY_WITH_GET.has(head.error)) return head;
  return follow(start, "GET", settings);
}

/** The checker's User-Agent: who is asking and where to read why (CONTRASTE_LINK_CHECK_USER_AGENT replaces it). */
export function linkCheckUserAgent(env: Record<string, string | undefined> = process.env): string {
  if (env.CONTRASTE_LINK_CHECK_USER_AGENT?.trim()) return env.CONTRASTE_LINK_CHECK_USER_AGENT.trim();
  let origin = "http://localhost:3000";
  try {
    if (env.CONTRASTE_PUBLIC_URL) origin = new URL(env.CONTRASTE_PUBLIC_URL).origin;
  } catch {
    // A malformed public address is the server's to report; the checker still names itself.
  }
  return `ContrasteLinkCheck/1.0 (+${origin}/es/sources; source link check)`;
}

/** The host a check starts at: no two requests go to one host at once. */
export function hostOf(address: string): string {
  try {
    return new URL(address).host.toLowerCase();
  } catch {
    return address;
  }
}

/**
 * Runs `work` on every item, at most `concurrency` at once and never two with the same host at once,
 * starting none after `shouldStop()` says so. Resolves with the items that were never started.
 */
export async function runPolitely<Item>(
  items: readonly Item[],
  {
    concurrency,
    hostOf: host,
    shouldStop = () => false,
  }: { concurrency: number; hostOf: (item: Item) => string; shouldStop?: () => boolean },
  work: (item: Item) => Promise<void>,
): Promise<Item[]> {
  const waiting = [...items];
  const busyHosts = new Set<string>();
  let running = 0;
  return new Promise<Item[]>((resolve, reject) => {
    const pump = () => {
      if (!shouldStop())
        while (running < Math.max(1, concurrency)) {
          const index = waiting.findIndex((item) => !busyHosts.has(host(item)));
          if (index < 0) break;
          const item = waiting.splice(index, 1)[0]!;
          const itemHost = host(item);
          busyHosts.add(itemHost);
          running++;
          work(item).then(() => {
            busyHosts.delete(itemHost);
            running--;
            pump();
          }, reject);
        }
      if (running === 0) resolve(waiting.splice(0));
    };
    pump();
  });
}

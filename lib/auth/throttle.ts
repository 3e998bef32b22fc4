import { getDb } from "../db/client";
import { CLIENT_ADDRESS_HEADER } from "../server/client-address";

// Sign-in attempts are limited per account and per address, with delays that grow with each
// failure: 3 free tries, then 1 s, 2 s, 4 s ... up to 15 minutes. Unknown accounts are throttled
// exactly like real ones, so the answer never tells which emails exist.
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 15 * 60_000;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

// The web server stamps the address (lib/server/client-address.ts), from the socket or from the
// proxies it is told to trust; X-Forwarded-For itself is the client's to write. Cut to the length of
// an IPv6 address with a zone, so that no header could overflow the throttle table's index.
export function clientAddress(request: Request): string {
  return (request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown").slice(0, 64);
}

/** Seconds until the next attempt is allowed for any of these keys, or 0. */
export async function secondsUntilAllowed(keys: string[]): Promise<number> {
  const rows = await getDb().loginThrottle.findMany({ where: { key: { in: keys } } });
  const waitMs = Math.max(0, ...rows.map((row) => (row.lockedUntil ? row.lockedUntil.getTime() - Date.now() : 0)));
  return Math.ceil(waitMs / 1000);
}

export async function recordFailure(keys: string[]): Promise<void> {
  const now = new Date();
  for (const key of keys) {
    const row = await getDb().loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now },
      update: { failures: { increment: 1 }, lastFailureAt: now },
    });
    if (row.failures > FREE_FAILURES) {
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (row.failures - FREE_FAILURES - 1));
      await getDb().loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + delay) } });
    }
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

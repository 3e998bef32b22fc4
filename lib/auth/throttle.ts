import { getDb } from "../db/client";

// Sign-in attempts are limited per account and per address, with delays that grow with each
// failure: 3 free tries, then 1 s, 2 s, 4 s ... up to 15 minutes. Unknown accounts are throttled
// exactly like real ones, so the answer never tells which emails exist.
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 15 * 60_000;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

// Cut to the length of an IPv6 address with a zone: the header is the client's to write, and a
// few kilobytes of it would not fit in the throttle table's index (a 500 instead of a throttled 401).
export function clientAddress(request: Request): string {
  const address = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
  return address.slice(0, 64);
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

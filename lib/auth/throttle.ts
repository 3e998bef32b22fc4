import "server-only";
import { getDb } from "../db/client";
import { CLIENT_ADDRESS_HEADER } from "../api/client-address";

// Password checks are limited per key, with delays that grow with each failure: 3 free tries, then
// 1 s, 2 s, 4 s ... up to 15 minutes; a key's count starts again a day after its last failure.
// Keys: the address asking, and either the account (for a browser the account has not signed in on)
// or the known device (lib/auth/devices.ts), so an attacker's failures lock new devices out of the
// account but never the owner's own browser. Unknown accounts are throttled exactly like real ones,
// so the answer never tells which emails exist.
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 24 * 3_600_000;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;
export const passwordChangeKey = (userId: string) => `password:${userId}`;

// The web server stamps the address (lib/api/client-address.ts), from the socket or from the
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

class Locked extends Error {}

/**
 * Counts an attempt as a failure under every key BEFORE the password is checked, or refuses it when
 * any key is locked; returns 0 when the attempt may go ahead, else the seconds to wait. Each key's row
 * is updated under its row lock, so parallel guesses queue and each sees the others' counts: no more
 * than the free tries get checked, however many arrive at once. A correct password then clears the keys.
 */
export async function reserveAttempt(keys: string[]): Promise<number> {
  // One order for every caller, so two attempts sharing two keys cannot deadlock.
  const ordered = [...new Set(keys)].sort();
  try {
    await getDb().$transaction(
      async (tx) => {
        const now = new Date();
        for (const key of ordered) {
          const open = { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
          await tx.loginThrottle.updateMany({
            where: { ...open, lastFailureAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } },
            data: { failures: 0 },
          });
          const increment = async () =>
            (await tx.loginThrottle.updateMany({ where: open, data: { failures: { increment: 1 }, lastFailureAt: now } })).count;
          const created = async () =>
            (await tx.loginThrottle.createMany({ data: [{ key, failures: 1, lastFailureAt: now }], skipDuplicates: true })).count;
          // A first attempt creates the row; when a parallel one created it a moment before, count on it.
          const counted = (await increment()) || (await created()) || (await increment());
          if (!counted) throw new Locked();
          const { failures } = await tx.loginThrottle.findUniqueOrThrow({ where: { key }, select: { failures: true } });
          if (failures > FREE_FAILURES) {
            const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES - 1));
            await tx.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + delay) } });
          }
        }
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
    return 0;
  } catch (error) {
    if (!(error instanceof Locked)) throw error;
    return Math.max(1, await secondsUntilAllowed(keys));
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

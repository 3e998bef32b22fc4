import "server-only";
import { getDb } from "../db/client";
import { cookieName, readCookie, setCookieHeader } from "./cookies";
import { hashSecret, newSecret } from "./tokens";

// OWASP's "device cookie": a browser that signed in to an account once gets a long-lived random token,
// stored only as its hash. Sign-ins that bring it are limited per device rather than per account
// (lib/auth/throttle.ts), so an attacker's wrong passwords never lock the owner out of a browser they
// have used before, while a stolen cookie still buys no more guesses than one device gets.
export const DEVICE_COOKIE = "contraste_device";
const DEVICE_DAYS = 365;

export type KnownDevice = { id: string; token: string };

// A device unseen for as long as its cookie lasts is a stranger again (and its row goes at the account's next sign-in).
const forgottenBefore = () => new Date(Date.now() - DEVICE_DAYS * 86_400_000);

/** The device this request's cookie names, when it is known to the account of `email`; null otherwise. */
export async function knownDeviceFor(request: Request, email: string): Promise<KnownDevice | null> {
  const token = readCookie(request, cookieName(DEVICE_COOKIE));
  if (!token) return null;
  const device = await getDb().knownDevice.findUnique({
    where: { id: hashSecret(token) },
    select: { id: true, lastSeenAt: true, user: { select: { email: true } } },
  });
  return device && device.user.email === email && device.lastSeenAt > forgottenBefore() ? { id: device.id, token } : null;
}

/** After a correct password: the device's cookie, kept for the device it was or made for a new one. */
export async function rememberDevice(userId: string, device: KnownDevice | null): Promise<string> {
  const until = new Date(Date.now() + DEVICE_DAYS * 86_400_000);
  await getDb().knownDevice.deleteMany({ where: { userId, lastSeenAt: { lt: forgottenBefore() } } });
  if (device) {
    await getDb().knownDevice.update({ where: { id: device.id }, data: { lastSeenAt: new Date() } });
    return setCookieHeader(DEVICE_COOKIE, device.token, until);
  }
  const { secret, hash } = newSecret("cd_");
  await getDb().knownDevice.create({ data: { id: hash, userId } });
  return setCookieHeader(DEVICE_COOKIE, secret, until);
}

/** A new password: no device keeps its standing except the one that changed it. */
export async function forgetOtherDevices(userId: string, request: Request): Promise<void> {
  const token = readCookie(request, cookieName(DEVICE_COOKIE));
  await getDb().knownDevice.deleteMany({ where: { userId, ...(token ? { id: { not: hashSecret(token) } } : {}) } });
}

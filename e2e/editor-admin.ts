import { expect, type APIRequestContext } from "@playwright/test";

// The admin the first-run journey creates, and the one the reference-data journey creates when it
// runs first and closes setup: an editor journey signs in as whichever set the site up.
export const ADMIN = { email: "admin@example.org", displayName: "Ana Admin", password: "correct horse battery staple 42" };
export const REFERENCE_ADMIN = { email: "ref-admin@example.org", password: "a long enough password" };

/** Signs `request` (a page's or a context of its own) in as the site's admin, setting the site up first on an empty database. */
export async function signInAdmin(request: APIRequestContext) {
  const setup = await request.post("/api/editor/setup", { data: ADMIN });
  if (setup.status() === 201) return;
  expect(setup.status(), "setup is open (201) or closed because an admin exists (403)").toBe(403);
  for (const { email, password } of [ADMIN, REFERENCE_ADMIN]) {
    const session = await request.post("/api/editor/session", { data: { email, password } });
    if (session.ok()) return;
  }
  throw new Error(`Setup is closed and neither ${ADMIN.email} nor ${REFERENCE_ADMIN.email} could sign in.`);
}

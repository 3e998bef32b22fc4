import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { createSession, SESSION_COOKIE } from "@/lib/auth/session";
import type { TestDatabase } from "@/testing/test-database";
import {
  createRouteTestbed,
  createUserWithSession,
  fingerprint,
  observationInput,
  request,
  TEST_HOST,
  TEST_PASSWORD,
  type Caller,
  type Callers,
} from "@/testing/editor-fixtures";

let database: TestDatabase;
let callers: Callers;
let users: typeof import("./[id]/route");
let resetIssue: typeof import("./[id]/password-reset/route");
let reset: typeof import("../password-reset/route");
let session: typeof import("../session/route");
let v1: typeof import("../../v1/observations/route");
let resolveActor: typeof import("@/lib/auth/resolve-actor").resolveActor;

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  users = await import("./[id]/route");
  resetIssue = await import("./[id]/password-reset/route");
  reset = await import("../password-reset/route");
  session = await import("../session/route");
  v1 = await import("../../v1/observations/route");
  ({ resolveActor } = await import("@/lib/auth/resolve-actor"));
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const patch = (caller: Caller, id: string, body: unknown) =>
  users.PATCH(request("PATCH", `/api/editor/users/${id}`, caller, body), params(id));
const issueLink = (caller: Caller, id: string, locale = "es") =>
  resetIssue.POST(request("POST", `/api/editor/users/${id}/password-reset`, caller, { locale }), params(id));
const useLink = (token: string, password: string) =>
  reset.POST(request("POST", "/api/editor/password-reset", callers.anonymous, { token, password }));
const signIn = (email: string, password: string) =>
  session.POST(request("POST", "/api/editor/session", callers.anonymous, { email, password }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.40" }));
const signedInAs = async (caller: Caller) => {
  const actor = await resolveActor(request("GET", "/api/editor", caller));
  return actor?.kind === "user" ? actor.user : actor?.kind === "token" ? actor.token : null;
};
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const changesOf = (entityId: string, action: string) =>
  database.db.changeEntry.findMany({ where: { entityId, action }, orderBy: { sequence: "asc" } });
/** Everything the change log keeps about a user, as text. */
const recordedText = async (entityId: string) =>
  JSON.stringify(
    await database.db.changeEntry.findMany({ where: { entityId }, select: { action: true, reason: true, before: true, after: true } }),
  );
const tokenFromUrl = (url: string) => decodeURIComponent(url.split("/reset-password/")[1]!);

/** A user of their own for each test, signed in from two browsers. */
async function person(role: "editor" | "reviewer" | "admin", label: string) {
  const { user, headers } = await createUserWithSession(database.db, role, label);
  const { token } = await createSession(user.id);
  return {
    user,
    caller: { name: label, headers },
    otherBrowser: { name: `${label} elsewhere`, headers: { ...headers, cookie: `${SESSION_COOKIE}=${token}` } },
  };
}

describe("who may change users", () => {
  it("refuses everyone but an admin, and changes nothing", async () => {
    const target = await person("editor", "target-of-refusals");
    const before = await fingerprint(database.db);
    for (const caller of [callers.anonymous, callers.editor, callers.reviewer, callers.token]) {
      const expected = caller === callers.anonymous ? 401 : 403;
      expect((await patch(caller, target.user.id, { active: false })).status, caller.name).toBe(expected);
      expect((await patch(caller, target.user.id, { role: "admin" })).status, caller.name).toBe(expected);
      expect((await issueLink(caller, target.user.id)).status, caller.name).toBe(expected);
    }
    expect(await fingerprint(database.db)).toBe(before);
    expect(await database.db.passwordReset.count({ where: { userId: target.user.id } })).toBe(0);
  });

  it("answers 400 for a body that changes nothing or something else, and 404 for an unknown user", async () => {
    const target = await person("editor", "target-of-bad-input");
    expect((await patch(callers.admin, target.user.id, {})).status).toBe(400);
    expect((await patch(callers.admin, target.user.id, { role: "owner" })).status).toBe(400);
    expect((await patch(callers.admin, target.user.id, { passwordHash: "x" })).status).toBe(400);
    expect((await patch(callers.admin, "no-such-user", { active: false })).status).toBe(404);
    expect((await issueLink(callers.admin, "no-such-user")).status).toBe(404);
  });
});

describe("deactivation", () => {
  it("ends every session of the user at once, refuses their sign-in, and reactivation lets them back", async () => {
    const target = await person("editor", "deactivated-editor");
    expect(await signedInAs(target.caller)).toMatchObject({ id: target.user.id });
    expect(await signedInAs(target.otherBrowser)).toMatchObject({ id: target.user.id });

    const response = await patch(callers.admin, target.user.id, { active: false });
    expect(response.status).toBe(200);
    expect((await response.json()).data.disabledAt).not.toBeNull();
    expect(await database.db.session.count({ where: { userId: target.user.id } })).toBe(0);
    expect(await signedInAs(target.caller)).toBeNull();
    expect(await signedInAs(target.otherBrowser)).toBeNull();
    // Their next write is refused as signed out.
    const write = await v1.POST(request("POST", "/api/v1/observations", target.caller, observationInput()));
    expect(write.status).toBe(401);
    expect((await signIn("deactivated-editor@example.org", TEST_PASSWORD)).status).toBe(401);

    const [entry] = await changesOf(target.user.id, "user.deactivated");
    expect(entry).toMatchObject({ isPublic: false, actorUserId: callers.ids.admin });
    expect(entry!.before).toEqual({ disabledAt: null });
    expect(entry!.after).toMatchObject({ sessionsEnded: 2 });

    // Deactivating again changes nothing and writes nothing.
    expect((await patch(callers.admin, target.user.id, { active: false })).status).toBe(200);
    expect(await changesOf(target.user.id, "user.deactivated")).toHaveLength(1);

    expect((await patch(callers.admin, target.user.id, { active: true })).status).toBe(200);
    expect(await changesOf(target.user.id, "user.reactivated")).toHaveLength(1);
    expect((await signIn("deactivated-editor@example.org", TEST_PASSWORD)).status).toBe(200);
  });

  it("stops the API tokens a deactivated admin created, until they are reactivated", async () => {
    const admin = await person("admin", "token-maker");
    const created = await import("@/lib/users/api-tokens").then(({ createApiToken }) =>
      createApiToken({ kind: "user", user: { ...admin.user } }, "nightly import"),
    );
    const script: Caller = {
      name: "script",
      headers: { "content-type": "application/json", host: TEST_HOST, authorization: `Bearer ${created.secret}` },
    };
    expect(await signedInAs(script)).toMatchObject({ id: created.id });

    expect((await patch(callers.admin, admin.user.id, { active: false })).status).toBe(200);
    expect(await signedInAs(script)).toBeNull();
    expect((await v1.POST(request("POST", "/api/v1/observations", script, observationInput()))).status).toBe(401);

    expect((await patch(callers.admin, admin.user.id, { active: true })).status).toBe(200);
    expect(await signedInAs(script)).toMatchObject({ id: created.id });
  });

  it("drops the user's unused reset links, so none works after a reactivation", async () => {
    const target = await person("editor", "reset-then-deactivated");
    const { url } = (await (await issueLink(callers.admin, target.user.id)).json()).data;
    expect((await patch(callers.admin, target.user.id, { active: false })).status).toBe(200);
    expect(await errorCode(await issueLink(callers.admin, target.user.id))).toBe("user_deactivated");
    expect((await patch(callers.admin, target.user.id, { active: true })).status).toBe(200);
    const used = await useLink(tokenFromUrl(url), "a password set too late");
    expect(used.status).toBe(400);
    expect(await errorCode(used)).toBe("reset_link_invalid");
  });
});

describe("role changes", () => {
  it("apply from the user's next request, in the session they already have", async () => {
    const target = await person("editor", "promoted-editor");
    expect((await patch(callers.admin, target.user.id, { role: "reviewer" })).status).toBe(200);
    expect(await signedInAs(target.caller)).toMatchObject({ id: target.user.id, role: "reviewer" });
    const [entry] = await changesOf(target.user.id, "user.role_changed");
    expect(entry).toMatchObject({ isPublic: false, before: { role: "editor" }, after: { role: "reviewer" } });
  });

  it("take user management away from a demoted admin at once, and their tokens with it", async () => {
    const admin = await person("admin", "demoted-admin");
    const target = await person("editor", "untouched-by-demoted");
    expect((await patch(admin.caller, target.user.id, { role: "reviewer" })).status).toBe(200);
    expect((await patch(callers.admin, admin.user.id, { role: "editor" })).status).toBe(200);
    expect((await patch(admin.caller, target.user.id, { role: "admin" })).status).toBe(403);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: target.user.id } })).role).toBe("reviewer");
  });
});

describe("the last admin", () => {
  it("can neither demote nor deactivate themself, nor be demoted or deactivated by anyone", async () => {
    // Only callers.admin is left an active admin: the others made by earlier tests step down first.
    const others = await database.db.user.findMany({ where: { role: "admin", disabledAt: null, id: { not: callers.ids.admin } } });
    for (const other of others) expect((await patch(callers.admin, other.id, { role: "editor" })).status).toBe(200);

    const before = await fingerprint(database.db);
    for (const body of [{ role: "editor" }, { role: "reviewer" }, { active: false }, { role: "admin", active: false }]) {
      const response = await patch(callers.admin, callers.ids.admin, body);
      expect(response.status).toBe(409);
      expect(await errorCode(response)).toBe("last_admin");
    }
    expect(await fingerprint(database.db)).toBe(before);

    // With a second admin, one may step down; then the other is the last.
    const second = await person("admin", "second-admin");
    expect((await patch(callers.admin, callers.ids.admin, { role: "reviewer" })).status).toBe(200);
    expect(await errorCode(await patch(second.caller, second.user.id, { active: false }))).toBe("last_admin");
    expect((await patch(second.caller, callers.ids.admin, { role: "admin" })).status).toBe(200);
  });

  it("survives two admins demoting each other at the same moment: one of them stays an admin", async () => {
    const first = await person("admin", "mutual-first");
    const second = await person("admin", "mutual-second");
    // Only these two are active admins.
    await database.db.user.updateMany({
      where: { role: "admin", id: { notIn: [first.user.id, second.user.id] } },
      data: { role: "reviewer" },
    });

    // On PostgreSQL both changes are held just before they write, each having read that the other is
    // still an admin, then let go together; the embedded database runs one transaction at a time.
    const hold = database.kind === "postgres" ? await holdRows([first.user.id, second.user.id]) : null;
    const answering = Promise.all([
      patch(first.caller, second.user.id, { role: "editor" }),
      patch(second.caller, first.user.id, { active: false }),
    ]);
    if (hold) {
      await hold.untilWaiting(2);
      await hold.release();
    }
    const answers = await answering;
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(403);
    expect(await database.db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
    await database.db.user.update({ where: { id: callers.ids.admin }, data: { role: "admin" } });
  });
});

/** Locks users' rows from another connection, so that writes to them wait until release(). */
async function holdRows(ids: string[]) {
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query('SELECT id FROM "User" WHERE id = ANY($1) FOR UPDATE', [ids]);
  return {
    async untilWaiting(count: number) {
      for (;;) {
        // Inside a transaction, pg_stat_activity answers from one snapshot unless told to read afresh.
        await holder.query("SELECT pg_stat_clear_snapshot()");
        const { rows } = await holder.query(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (rows[0].waiting >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await holder.query("ROLLBACK");
      await holder.end();
    },
  };
}

describe("password reset links", () => {
  it("set a new password once, end every session of the user, and are answered without the token being stored", async () => {
    const target = await person("reviewer", "forgetful-reviewer");
    const issued = await issueLink(callers.admin, target.user.id, "en");
    expect(issued.status).toBe(201);
    const { url, path, expiresAt } = (await issued.json()).data;
    expect(url).toBe(`http://${TEST_HOST}${path}`);
    expect(path).toMatch(/^\/en\/editor\/reset-password\/cpr_/);
    const token = tokenFromUrl(url);
    const hoursValid = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(23);
    expect(hoursValid).toBeLessThanOrEqual(24);
    const stored = await database.db.passwordReset.findFirstOrThrow({ where: { userId: target.user.id } });
    expect(stored.id).not.toContain(token);
    expect(await recordedText(target.user.id)).not.toContain(token);

    expect((await useLink(token, "short")).status).toBe(400);
    expect((await useLink(token, "a fresh reviewer passphrase")).status).toBe(200);
    expect(await signedInAs(target.caller)).toBeNull();
    expect(await signedInAs(target.otherBrowser)).toBeNull();
    expect((await signIn("forgetful-reviewer@example.org", TEST_PASSWORD)).status).toBe(401);
    expect((await signIn("forgetful-reviewer@example.org", "a fresh reviewer passphrase")).status).toBe(200);

    const again = await useLink(token, "someone else's passphrase");
    expect(again.status).toBe(410);
    expect(await errorCode(again)).toBe("reset_link_used");
    expect((await signIn("forgetful-reviewer@example.org", "a fresh reviewer passphrase")).status).toBe(200);

    const [done] = await changesOf(target.user.id, "user.password_reset");
    expect(done).toMatchObject({ isPublic: false, actorUserId: target.user.id });
    expect(await recordedText(target.user.id)).not.toContain("passphrase");
    expect(await changesOf(target.user.id, "user.password_reset_issued")).toHaveLength(1);
  });

  it("refuse an expired link, an unknown one, and an older link once a newer one is made", async () => {
    const target = await person("editor", "expired-link-editor");
    const older = tokenFromUrl((await (await issueLink(callers.admin, target.user.id)).json()).data.url);
    const newer = tokenFromUrl((await (await issueLink(callers.admin, target.user.id)).json()).data.url);
    const revoked = await useLink(older, "a passphrase for the old link");
    expect(revoked.status).toBe(400);
    expect(await errorCode(revoked)).toBe("reset_link_invalid");

    await database.db.passwordReset.updateMany({ where: { userId: target.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await useLink(newer, "a passphrase for the late link");
    expect(expired.status).toBe(410);
    expect(await errorCode(expired)).toBe("reset_link_expired");
    expect(await signedInAs(target.caller)).toMatchObject({ id: target.user.id });

    expect(await errorCode(await useLink("cpr_made-up", "a passphrase for nothing"))).toBe("reset_link_invalid");
    expect(await errorCode(await useLink("x".repeat(200), "a passphrase for nothing"))).toBe("reset_link_invalid");
    expect((await signIn("expired-link-editor@example.org", TEST_PASSWORD)).status).toBe(200);
  });

  it("set the password only once when the same link is sent twice at the same moment", async () => {
    const target = await person("editor", "racing-link-editor");
    const token = tokenFromUrl((await (await issueLink(callers.admin, target.user.id)).json()).data.url);
    const answers = await Promise.all([useLink(token, "the first racing passphrase"), useLink(token, "the second racing passphrase")]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410]);
    expect(await changesOf(target.user.id, "user.password_reset")).toHaveLength(1);
  });
});

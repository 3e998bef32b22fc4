import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

let database: TestDatabase;
let users: typeof import("../lib/users/users");

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  users = await import("../lib/users/users");
});
afterAll(() => database.drop());

// Runs the command as the shell would, with the password piped in. Asynchronously: the embedded
// database is served from this very process, so blocking it would starve the child.
function userAdd(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // As package.json's user:add runs it.
    const child = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only/register.mjs", "scripts/user-add.ts", ...args], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: stdout.trim(), stderr }));
    child.stdin.end(stdin);
  });
}

describe("npm run user:add", () => {
  it("creates the user from a piped password line and prints only its id", async () => {
    const result = await userAdd(
      ["--email", "Ana@Example.org", "--role", "reviewer", "--name", "Ana Reviewer"],
      "a long password with spaces \n",
    );
    expect(result.code).toBe(0);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "ana@example.org" } });
    expect(result.stdout).toBe(user.id);
    expect(user).toMatchObject({ displayName: "Ana Reviewer", role: "reviewer" });
    // The line ending is dropped, spaces inside the password are kept.
    expect(await users.authenticate("ana@example.org", "a long password with spaces ")).toBe(user.id);
  });

  it("refuses bad input with a message and exit code 1, creating nothing", async () => {
    const before = await database.db.user.count();
    const [short, role, missing, duplicate] = await Promise.all([
      userAdd(["--email", "bea@example.org", "--role", "editor"], "short\n"),
      userAdd(["--email", "bea@example.org", "--role", "owner"], "a long password here\n"),
      userAdd(["--role", "editor"], "a long password here\n"),
      userAdd(["--email", "ana@example.org", "--role", "editor"], "a long password here\n"),
    ]);
    expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining("Use at least 12 characters.") });
    expect(role).toMatchObject({ code: 1, stderr: expect.stringContaining("--role") });
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining("Give --email and --role.") });
    expect(duplicate).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    expect(await database.db.user.count()).toBe(before);
  });
});

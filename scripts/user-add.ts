// npm run user:add -- --email E --role R [--name "Display Name"]: adds a user for whoever holds the
// server. The password comes on standard input (one line), so it stays out of the shell history:
//   echo 'a long password' | npm run user:add -- --email ana@example.org --role editor --name "Ana"
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { getDb } from "../lib/db/client";
import { withDatabase } from "../server/database/with-database";
import { AppError } from "../lib/errors";
import { ZNewUser } from "../lib/schemas/user";
import { createUserFromShell } from "../lib/users/users";

const USAGE = 'Usage: npm run user:add -- --email E --role admin|reviewer|editor [--name "Display Name"] (password on standard input)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readArguments() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.email || !values.role) fail(`Give --email and --role.\n${USAGE}`);
    return { email: values.email, role: values.role, name: values.name };
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}

/** The first line of standard input, without its line ending; spaces inside a password are kept. */
async function readPasswordLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (at least 12 characters, shown as you type; pipe it in to hide it): ");
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  fail(`No password on standard input.\n${USAGE}`);
}

const args = readArguments();
const password = await readPasswordLine();
// Without --name the public change log shows the role, never a piece of the email address.
const displayName = args.name ?? `Contraste ${args.role}`;

const parsed = ZNewUser.safeParse({ email: args.email, displayName, password, role: args.role });
if (!parsed.success) {
  const where: Record<string, string> = { email: "--email", role: "--role", displayName: "--name", password: "password (standard input)" };
  const lines = parsed.error.issues.map((issue) => `  ${where[String(issue.path[0])] ?? "input"}: ${issue.message}`);
  fail(["Nothing was created:", ...lines].join("\n"));
}

try {
  const user = await withDatabase(async (url) => {
    // lib/users/users.ts reaches the database through getDb(), which reads DATABASE_URL.
    process.env.DATABASE_URL = url;
    try {
      return await createUserFromShell(parsed.data);
    } finally {
      await getDb().$disconnect();
    }
  });
  console.error(`Created ${user.role} "${user.displayName}" <${user.email}>. Their id:`);
  console.log(user.id);
} catch (error) {
  if (error instanceof AppError) fail(`Nothing was created: ${error.message}`);
  if ((error as { code?: string }).code === "P2021") fail("The database has no tables yet: run `npm run db:migrate` first.");
  throw error;
}

import "server-only";
import type { Database } from "../db/client";
import { recordChange, runTransaction } from "../db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

// Backup format (documented in README): { format, version, tables: { <table>: rows[] } }, rows in
// id order, decimals as strings, dates as ISO strings, user password hashes and API token hashes
// left out. It carries no export time, so export → import → export gives the same file.

export const BACKUP_FORMAT = "contraste-backup";
export const BACKUP_VERSION = 1;

// Parents before children, so a restore never points at a row that is not there yet.
const TABLES = [
  "indicator",
  "producer",
  "source",
  "user",
  "apiToken",
  "observation",
  "framing",
  "event",
  "eventIndicator",
  "changeEntry",
] as const;
type Table = (typeof TABLES)[number];

const OMIT: Partial<Record<Table, string[]>> = { user: ["passwordHash"], apiToken: ["tokenHash"] };
// A restored account has no usable password until one is set again (npm run user:add refuses
// existing emails, so an admin re-creates tokens and passwords after a restore).
const UNUSABLE_PASSWORD = "!restored-without-password";

type Row = Record<string, unknown>;

function toPlain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Prisma.Decimal) return value.toString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  return value;
}

const delegate = (db: Database | Prisma.TransactionClient, table: Table) =>
  (
    db as unknown as Record<
      Table,
      { findMany(args: object): Promise<Row[]>; createMany(args: object): Promise<unknown>; count(): Promise<number> }
    >
  )[table];

// Tables without an id column keep a stable order by their key.
const ORDER: Partial<Record<Table, object>> = {
  changeEntry: { sequence: "asc" },
  eventIndicator: [{ eventId: "asc" }, { indicatorId: "asc" }],
};

export async function exportBackup(db: Database) {
  const tables: Record<string, Row[]> = {};
  for (const table of TABLES) {
    const rows = await delegate(db, table).findMany({ orderBy: ORDER[table] ?? { id: "asc" } });
    tables[table] = rows.map((row) => {
      const plain = toPlain(row) as Row;
      for (const field of OMIT[table] ?? []) delete plain[field];
      return plain;
    });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, tables };
}

const DATE_FIELDS = new Set([
  "createdAt",
  "updatedAt",
  "publishedAt",
  "retrievedAt",
  "asOf",
  "startsOn",
  "endsOn",
  "retractedAt",
  "expiresAt",
  "lastUsedAt",
  "revokedAt",
  "disabledAt",
  "lastSeenAt",
]);

function fromPlain(table: Table, row: Row): Row {
  const restored: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (DATE_FIELDS.has(key) && typeof value === "string") restored[key] = new Date(value);
    else if (table === "changeEntry" && key === "sequence") restored[key] = BigInt(value as string);
    else if (table === "changeEntry" && (key === "before" || key === "after") && value === null) restored[key] = Prisma.DbNull;
    // A backup written before date notes had two languages holds the English note as dateNote.
    else if (table === "event" && key === "dateNote") restored.dateNoteEn = value;
    else restored[key] = value;
  }
  if (table === "user") restored.passwordHash = UNUSABLE_PASSWORD;
  // No SHA-256 equals this, so a restored token cannot be used; an admin issues new ones.
  if (table === "apiToken") restored.tokenHash = `restored:${row.id as string}`;
  return restored;
}

export class BackupError extends Error {}

/** Restores a backup into an empty database, all or nothing. */
export async function importBackup(db: Database, backup: unknown) {
  const candidate = backup as { format?: string; version?: number; tables?: Record<string, Row[]> };
  if (candidate?.format !== BACKUP_FORMAT || candidate.version !== BACKUP_VERSION || !candidate.tables) {
    throw new BackupError(`Not a ${BACKUP_FORMAT} version ${BACKUP_VERSION} file.`);
  }
  await runTransaction(
    db,
    async (tx) => {
      for (const table of TABLES) {
        if ((await delegate(tx, table).count()) > 0)
          throw new BackupError(`The database is not empty (table ${table} has rows); restore into an empty database.`);
      }
      for (const table of TABLES) {
        const rows = candidate.tables![table] ?? [];
        // Drafts point at the published figure they correct: insert those after the rest.
        const ordered =
          table === "observation" ? [...rows].sort((a, b) => Number(Boolean(a.revisionOfId)) - Number(Boolean(b.revisionOfId))) : rows;
        for (let start = 0; start < ordered.length; start += 1000) {
          await delegate(tx, table).createMany({ data: ordered.slice(start, start + 1000).map((row) => fromPlain(table, row)) });
        }
      }
      await tx.$executeRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"ChangeEntry"', 'sequence'), GREATEST((SELECT MAX(sequence) FROM "ChangeEntry"), 1))`,
      );
      // A running app may have cached the empty database's pages.
      recordChange(tx, { everything: true });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { stringify } from "csv-stringify/sync";
import type { Actor } from "../../../lib/auth/actor";
import { guessMapping, IMPORT_FIELDS, type ImportField } from "../../../lib/csv-import/fields";
import { commitImport, previewImport } from "../../../lib/csv-import/run-import";
import { parseCsv, validateRows } from "../../../lib/csv-import/validate-rows";
import { createDatabaseClient, type Database } from "../../../lib/db/client";
import { DATE_PRECISIONS, PRODUCER_TYPES, QUALIFIERS } from "../../../lib/schemas/enums";
import type { TObservationInput } from "../../../lib/schemas/observation";
import { createUserFromShell } from "../../../lib/users/users";
import type { BenchSection } from "../context";
import type { BenchDatabase } from "../databases";
import { createSeededDatabase } from "../seeded-database";

/** Row `i` of the file, in the template's columns: a distinct figure, with every kind of cell the importer reads. */
function syntheticRow(i: number, slugs: string[]): Record<ImportField, string> {
  const precision = DATE_PRECISIONS[i % DATE_PRECISIONS.length]!;
  const year = 2000 + (i % 25);
  const month = String(1 + (i % 12)).padStart(2, "0");
  const day = String(1 + (i % 28)).padStart(2, "0");
  const document = Math.floor(i / 50); // 50 figures per source document
  const producer = i % 20;
  return {
    indicator: slugs[i % slugs.length]!,
    value: i % 4 === 0 ? `${i}.${String(i % 100).padStart(2, "0")}` : String(i),
    valueMax: i % 10 === 0 ? String(i + 500) : "",
    qualifier: QUALIFIERS[i % QUALIFIERS.length]!,
    asOf: precision === "year" ? String(year) : precision === "month" ? `${year}-${month}` : `${year}-${month}-${day}`,
    datePrecision: precision,
    producer: `Bench producer ${producer}`,
    producerType: PRODUCER_TYPES[producer % PRODUCER_TYPES.length]!,
    sourceUrl: `https://bench.example.org/reports/${document}`,
    publisher: `Bench outlet ${document % 30}`,
    publishedAt: `${2000 + (document % 25)}-06-15`,
    attribution: i % 7 === 0 ? `Bench producer ${producer}, as quoted by the outlet` : "",
    noteEn: i % 5 === 0 ? `Synthetic figure ${i}, "quoted", with a comma` : "",
    noteEs: i % 5 === 0 ? `Cifra sintética ${i}` : "",
  };
}

// commitImport reaches the database as the route does, through getDb(): one client per process,
// opened from DATABASE_URL and kept on globalThis. Point it at the bench database, then let go.
const holder = globalThis as typeof globalThis & { contrasteDb?: Database };
async function releaseAppDatabase() {
  await holder.contrasteDb?.$disconnect();
  delete holder.contrasteDb;
}

async function timeImport(database: BenchDatabase, csv: string): Promise<{ seconds: number; created: number }> {
  const previousUrl = process.env.DATABASE_URL;
  await releaseAppDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const user = await createUserFromShell({
      email: "bench-editor@example.org",
      displayName: "Bench editor",
      password: "a bench password, long enough",
      role: "editor",
    });
    const actor: Actor = { kind: "user", user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } };
    const mapping = guessMapping([...IMPORT_FIELDS]);
    // Warm up the connection and the code paths on a preview, which writes nothing.
    await previewImport(actor, { csv: csv.split("\n", 500).join("\n"), mapping, mode: "all_or_nothing" });
    const started = performance.now();
    const { created } = await commitImport(actor, { csv, mapping, mode: "all_or_nothing" });
    return { seconds: (performance.now() - started) / 1000, created };
  } finally {
    await releaseAppDatabase();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}

/**
 * The same rows, as the importer would store them, written with psql's `\copy … FROM` (COPY FROM
 * STDIN, streamed by the client as the importer's rows are). The producers, sources and author
 * they point to are created first, outside the timing. The time is psql's own (`\timing`), which
 * leaves out starting psql and connecting.
 */
async function timeCopy(database: BenchDatabase, inputs: TObservationInput[]): Promise<{ seconds: number; copied: number }> {
  const db = createDatabaseClient(database.url, 2);
  const folder = mkdtempSync(path.join(tmpdir(), "contraste-bench-copy-"));
  try {
    const author = await db.user.create({
      data: { email: "bench-editor@example.org", displayName: "Bench editor", role: "editor", passwordHash: "-" },
    });
    await db.producer.createMany({
      data: [...new Map(inputs.map((i) => [`${i.producer.type}|${i.producer.name}`, i.producer])).values()],
      skipDuplicates: true,
    });
    const sources = [...new Map(inputs.map((i) => [i.source.url, i.source])).values()];
    await db.source.createMany({
      data: sources.map((s) => ({ url: s.url, publisher: s.publisher, publishedAt: s.publishedAt ? new Date(s.publishedAt) : null })),
      skipDuplicates: true,
    });
    const indicatorIds = new Map((await db.indicator.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]));
    const producerIds = new Map(
      (await db.producer.findMany({ select: { id: true, name: true, type: true } })).map((r) => [`${r.type}|${r.name}`, r.id]),
    );
    const sourceIds = new Map((await db.source.findMany({ select: { id: true, url: true } })).map((r) => [r.url, r.id]));
    const now = new Date().toISOString();
    const file = path.join(folder, "observations.csv");
    writeFileSync(
      file,
      stringify(
        inputs.map((input, i) => [
          `cbench${String(i).padStart(19, "0")}`,
          indicatorIds.get(input.indicatorSlug),
          producerIds.get(`${input.producer.type}|${input.producer.name}`),
          sourceIds.get(input.source.url),
          input.value,
          input.valueMax,
          input.qualifier,
          input.asOf,
          input.datePrecision,
          input.attribution || `${input.producer.name} (${input.source.publisher})`,
          input.noteEn,
          input.noteEs,
          "draft",
          author.id,
          now,
          now,
        ]),
      ),
    );
    const columns = `id, "indicatorId", "producerId", "sourceId", value, "valueMax", qualifier, "asOf", "datePrecision", attribution, "noteEn", "noteEs", status, "authorId", "createdAt", "updatedAt"`;
    const { stdout } = await promisify(execFile)(
      "psql",
      [
        database.url,
        "-X",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        "\\timing on",
        "-c",
        `\\copy "Observation" (${columns}) FROM '${file}' WITH (FORMAT csv)`,
      ],
      { maxBuffer: 1 << 20 },
    );
    const milliseconds = /Time: ([\d.]+) ms/.exec(stdout)?.[1];
    if (!milliseconds) throw new Error(`psql printed no timing: ${stdout}`);
    return { seconds: Number(milliseconds) / 1000, copied: await db.observation.count({ where: { authorId: author.id } }) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await db.$disconnect();
  }
}

// (e) A CSV of distinct figures through the importer (validation, duplicate check, drafts and their
// history, one transaction) against PostgreSQL's COPY of the same rows, each into its own fresh
// database holding the real dataset.
export const importVsCopy: BenchSection = {
  id: "e",
  title: "import: a CSV through the importer against PostgreSQL COPY",
  async run({ quick, log }) {
    const rows = quick ? 2_000 : 100_000;
    const databases: BenchDatabase[] = [];
    try {
      const forImport = await createSeededDatabase();
      databases.push(forImport);
      const forCopy = await createSeededDatabase();
      databases.push(forCopy);
      const seeded = createDatabaseClient(forImport.url, 1);
      const slugs = (await seeded.indicator.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((row) => row.slug);
      await seeded.$disconnect();

      const csv = stringify(
        Array.from({ length: rows }, (_, i) => syntheticRow(i, slugs)),
        { header: true, columns: [...IMPORT_FIELDS] },
      );
      log(`${rows.toLocaleString("en")} rows, ${(csv.length / 1e6).toFixed(1)} MB of CSV`);
      const imported = await timeImport(forImport, csv);
      if (imported.created !== rows) throw new Error(`the importer created ${imported.created} of ${rows} rows`);
      log(`importer: ${imported.seconds.toFixed(2)} s (${Math.round(rows / imported.seconds).toLocaleString("en")} rows/s)`);

      // The rows COPY writes are the importer's own reading of the file, so both store the same figures.
      const parsed = parseCsv(csv);
      const { valid } = validateRows(parsed.columns, parsed.records, { mapping: guessMapping(parsed.columns) }, new Set(slugs));
      const copied = await timeCopy(
        forCopy,
        valid.map((row) => row.input),
      );
      if (copied.copied !== rows) throw new Error(`COPY wrote ${copied.copied} of ${rows} rows`);
      log(`COPY: ${copied.seconds.toFixed(2)} s (${Math.round(rows / copied.seconds).toLocaleString("en")} rows/s)`);

      const label = rows >= 1000 ? `${rows / 1000}k` : String(rows);
      return [
        {
          measure: `e. import ${label} rows · seconds`,
          unit: "s",
          contraste: imported.seconds,
          baseline: copied.seconds,
          baselineLabel: "PostgreSQL COPY of the same rows",
          higherIsBetter: false,
          // The target is for 100,000 rows; at --quick's 2,000, fixed costs (transaction,
          // producers and sources, duplicate check) weigh more than the rows and the ratio says little.
          target: quick ? undefined : { max: 5 },
          note: "importer: commitImport() in process, as the route calls it (parse, validation, duplicate check, drafts and their history entries, one transaction); COPY: psql \\copy … FROM (COPY FROM STDIN) into the Observation table only, its producers and sources created beforehand. One run each, fresh databases holding the real dataset.",
        },
      ];
    } finally {
      for (const database of databases) await database.drop();
    }
  },
};

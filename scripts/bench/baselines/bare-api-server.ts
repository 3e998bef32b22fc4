// Baseline for (b): GET /api/v1/indicators/{slug}/observations as a bare node:http + pg server:
// one SQL query and the same JSON, none of Contraste's framework, validation or cache.
import { createServer } from "node:http";
import pg from "pg";
import { exactNumber, stringifyWithExactNumbers } from "../../../lib/public-api/json";

const [databaseUrl, port] = [process.argv[2]!, Number(process.argv[3])];
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
// Dates as the plain text PostgreSQL stores, like the API writes them.
pg.types.setTypeParser(1082, (text: string) => text);
// Prisma stores timestamps without a zone, meaning UTC.
pg.types.setTypeParser(1114, (text: string) => new Date(`${text.replace(" ", "T")}Z`));

const SQL = `
  SELECT o.id, o.value::text AS value, o."valueMax"::text AS "valueMax", o.qualifier, o."asOf", o."datePrecision", o.attribution,
         o."noteEn", o."noteEs", o.status, o.version, o."updatedAt", o."retractionReason",
         p.name AS "producerName", p.type AS "producerType", s.url AS "sourceUrl", s.publisher AS "sourcePublisher", s."publishedAt" AS "sourcePublishedAt"
  FROM "Observation" o
  JOIN "Indicator" i ON i.id = o."indicatorId"
  JOIN "Producer" p ON p.id = o."producerId"
  JOIN "Source" s ON s.id = o."sourceId"
  WHERE i.slug = $1 AND o.status = 'published'
  ORDER BY o."asOf", o.id
  LIMIT 501`;

const day = (value: Date | string | null) => (value === null ? null : typeof value === "string" ? value : value.toISOString().slice(0, 10));

createServer(async (req, res) => {
  const slug = /^\/api\/v1\/indicators\/([^/?]+)\/observations/.exec(req.url ?? "")?.[1];
  if (!slug) {
    res.writeHead(404).end();
    return;
  }
  const { rows } = await pool.query(SQL, [slug]);
  const page = rows.slice(0, 500);
  const data = page.map((row) => ({
    id: row.id,
    indicator: slug,
    value: exactNumber(row.value),
    valueMax: row.valueMax ? exactNumber(row.valueMax) : null,
    qualifier: row.qualifier,
    asOf: day(row.asOf),
    datePrecision: row.datePrecision,
    producer: { name: row.producerName, type: row.producerType },
    source: { url: row.sourceUrl, publisher: row.sourcePublisher, publishedAt: day(row.sourcePublishedAt) },
    attribution: row.attribution,
    note: { en: row.noteEn, es: row.noteEs },
    status: row.status,
    retractionReason: row.status === "retracted" ? row.retractionReason : null,
    version: row.version,
    updatedAt: (row.updatedAt as Date).toISOString(),
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > 500 && last ? Buffer.from(`${day(last.asOf)}|${last.id}`).toString("base64url") : null;
  const body = stringifyWithExactNumbers({
    data,
    meta: { indicator: slug, count: data.length, nextCursor, retrievedAt: new Date().toISOString().slice(0, 10) },
  });
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(port, "127.0.0.1", () => console.log("ready"));

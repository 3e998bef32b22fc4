// Baseline for (b): GET /api/v1/indicators/{slug}/observations as a bare node:http + pg server:
// one SQL query and the same JSON, none of Contraste's framework, validation or cache.
import { createServer } from "node:http";
import pg from "pg";
import { exactNumber, stringifyWithExactNumbers } from "../../../lib/public-api/json";

const [databaseUrl, port] = [process.argv[2]!, Number(process.argv[3])];
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

// Dates as text, read as the API writes them: a day as YYYY-MM-DD, a timestamp (stored without a
// zone, meaning UTC) as an ISO instant; decimals as PostgreSQL's text, without the scale's trailing zeros.
const SQL = `
  SELECT o.id, trim_scale(o.value)::text AS value, trim_scale(o."valueMax")::text AS "valueMax", o.qualifier, o."asOf"::text AS "asOf",
         o."datePrecision", o.attribution, o."noteEn", o."noteEs", o.status, o.version,
         to_char(o."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", o."retractionReason",
         p.name AS "producerName", p.type AS "producerType", s.url AS "sourceUrl", s.publisher AS "sourcePublisher",
         s."publishedAt"::text AS "sourcePublishedAt", s."retrievedAt"::text AS "sourceRetrievedAt", s."sourceClass",
         s."archivedUrl" AS "sourceArchivedUrl",
         CASE WHEN s."linkState" = 'broken' THEN to_char(s."linkBrokenSince", 'YYYY-MM-DD') END AS "sourceBrokenSince"
  FROM "Observation" o
  JOIN "Indicator" i ON i.id = o."indicatorId"
  JOIN "Producer" p ON p.id = o."producerId"
  JOIN "Source" s ON s.id = o."sourceId"
  WHERE i.slug = $1 AND o.status = 'published'
  ORDER BY o."asOf", o.id
  LIMIT 501`;

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
    asOf: row.asOf,
    datePrecision: row.datePrecision,
    producer: { name: row.producerName, type: row.producerType },
    source: {
      url: row.sourceUrl,
      publisher: row.sourcePublisher,
      publishedAt: row.sourcePublishedAt,
      retrievedAt: row.sourceRetrievedAt,
      class: row.sourceClass,
      archivedUrl: row.sourceArchivedUrl,
      brokenSince: row.sourceBrokenSince,
    },
    attribution: row.attribution,
    note: { en: row.noteEn, es: row.noteEs },
    status: row.status,
    retractionReason: row.status === "retracted" ? row.retractionReason : null,
    version: row.version,
    updatedAt: row.updatedAt,
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > 500 && last ? Buffer.from(`${last.asOf}|${last.id}`).toString("base64url") : null;
  const body = stringifyWithExactNumbers({
    data,
    meta: { indicator: slug, count: data.length, nextCursor, retrievedAt: new Date().toISOString().slice(0, 10) },
  });
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(port, "127.0.0.1", () => console.log("ready"));

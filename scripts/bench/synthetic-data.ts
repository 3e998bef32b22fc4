import pg from "pg";

// Fills an empty, migrated database (see createBenchDatabase) with clearly synthetic data for the
// growth benchmark: `indicators` indicators, one producer of each type, a source per producer and
// year, and `observations` published figures spread evenly over indicators and producers. Every
// series (indicator × producer) has one figure per day going back from 2025-12-31, and producers
// share days, so the discrepancy view has pairs to find. Set-based SQL: a million rows take seconds.

const PRODUCERS = [
  { slug: "government", name: "Synthetic government", type: "government" },
  { slug: "ngo", name: "Synthetic NGO", type: "ngo" },
  { slug: "academic", name: "Synthetic university observatory", type: "academic" },
  { slug: "media", name: "Synthetic newspaper", type: "media" },
  { slug: "intergovernmental", name: "Synthetic intergovernmental body", type: "intergovernmental" },
] as const;

const LAST_DAY = "2025-12-31";

export async function fillSyntheticData(
  databaseUrl: string,
  options: { observations: number; indicators?: number },
): Promise<{ indicatorSlugs: string[] }> {
  const indicatorCount = options.indicators ?? 50;
  const observationCount = options.observations;
  if (!Number.isInteger(indicatorCount) || indicatorCount < 1) throw new Error("indicators must be a positive whole number");
  if (!Number.isInteger(observationCount) || observationCount < 0) throw new Error("observations must be a whole number");
  const producerCount = PRODUCERS.length;
  // "Synthetic indicator 07": numbers padded to the same width, so slugs sort in order.
  const width = Math.max(2, String(indicatorCount).length);
  const daysPerSeries = Math.max(1, Math.ceil(observationCount / (indicatorCount * producerCount)));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ slug: string }>(
      `INSERT INTO "Indicator" (id, slug, "nameEn", "nameEs", "descriptionEn", "descriptionEs", unit, "unitEs", theme, "valueKind", "sortOrder", "updatedAt")
       SELECT 'synthetic-indicator-' || n2, 'synthetic_' || n2, 'Synthetic indicator ' || n2, 'Indicador sintético ' || n2,
              'Synthetic data for benchmarks; not a real figure.', 'Datos sintéticos para mediciones; no es una cifra real.',
              'units', 'unidades',
              (enum_range(NULL::"IndicatorTheme"))[1 + (i - 1) % cardinality(enum_range(NULL::"IndicatorTheme"))],
              (enum_range(NULL::"ValueKind"))[1 + (i - 1) % cardinality(enum_range(NULL::"ValueKind"))],
              i, now()
       FROM generate_series(1, $1::int) AS i, LATERAL (SELECT lpad(i::text, $2::int, '0') AS n2) AS padded
       ORDER BY i
       RETURNING slug`,
      [indicatorCount, width],
    );

    await client.query(
      `INSERT INTO "Producer" (id, name, type, "updatedAt")
       SELECT 'synthetic-producer-' || p.slug, p.name, p.type::"ProducerType", now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS p(slug, name, type)`,
      [PRODUCERS.map((p) => p.slug), PRODUCERS.map((p) => p.name), PRODUCERS.map((p) => p.type)],
    );

    // One source document per producer and year the figures cover.
    await client.query(
      `INSERT INTO "Source" (id, url, publisher, "publishedAt", "updatedAt")
       SELECT 'synthetic-source-' || p.slug || '-' || y, 'https://synthetic.contraste.example/' || p.slug || '/' || y,
              'Synthetic outlet', make_date(y, 12, 31), now()
       FROM unnest($1::text[]) AS p(slug),
            generate_series(extract(year FROM $2::date - ($3::int - 1))::int, extract(year FROM $2::date)::int) AS y`,
      [PRODUCERS.map((p) => p.slug), LAST_DAY, daysPerSeries],
    );

    // Keeping nine indexes and six foreign keys up to date row by row would take most of a
    // million-row load: drop them, load, then build each index in one sort and check each foreign
    // key in one pass (the same definitions, read back from the catalog).
    const { rows: foreignKeys } = await client.query<{ name: string; definition: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = '"Observation"'::regclass AND contype = 'f' ORDER BY conname`,
    );
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
       WHERE indrelid = '"Observation"'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)`,
    );
    for (const { name } of foreignKeys) await client.query(`ALTER TABLE "Observation" DROP CONSTRAINT "${name}"`);
    for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // The load's one statement fires the series summaries' recompute over every figure it wrote
    // (prisma/migrations/20261205053554_series_summaries): its sorts and hashes fit in memory with
    // this, instead of spilling a million rows to disk several times.
    await client.query(`SET LOCAL work_mem = '256MB'`);

    // n → indicator n % I; within it, producer k % P and day k / P (k = n / I).
    await client.query(
      `INSERT INTO "Observation" (id, "indicatorId", "producerId", "sourceId", value, "valueMax", qualifier, "asOf", "datePrecision",
                                  attribution, status, version, "publishedAt", "createdAt", "updatedAt")
       SELECT 'synthetic-observation-' || n,
              'synthetic-indicator-' || lpad((1 + n % $2::int)::text, $7::int, '0'),
              'synthetic-producer-' || p.slug,
              'synthetic-source-' || p.slug || '-' || extract(year FROM d.day)::int,
              d.value,
              CASE WHEN k % 211 = 7 THEN d.value + 5 END,
              (CASE WHEN k % 53 = 3 THEN 'about' ELSE 'exact' END)::"Qualifier",
              d.day, 'day', p.name || ' (Synthetic outlet)', 'published', 1,
              timestamp '2026-01-01' + n * interval '1 millisecond',
              timestamp '2026-01-01' + n * interval '1 millisecond',
              timestamp '2026-01-01' + n * interval '1 millisecond'
       FROM generate_series(0, $1::bigint - 1) AS n,
            LATERAL (SELECT n / $2::int AS k) AS kk,
            LATERAL (SELECT ($5::text[])[1 + (k % $3::int)] AS slug, ($6::text[])[1 + (k % $3::int)] AS name) AS p,
            LATERAL (SELECT $4::date - (k / $3::int)::int AS day,
                            round((100 + (n % $2::int) * 10 + 40 * sin((k / $3::int) / 45.0 + k % $3::int) + (n * 7919 % 1000) / 100.0)::numeric, 2) AS value) AS d`,
      [observationCount, indicatorCount, producerCount, LAST_DAY, PRODUCERS.map((p) => p.slug), PRODUCERS.map((p) => p.name), width],
    );
    for (const { definition } of indexes) await client.query(definition);
    for (const { name, definition } of foreignKeys) await client.query(`ALTER TABLE "Observation" ADD CONSTRAINT "${name}" ${definition}`);
    await client.query("COMMIT");
    // What autovacuum would do soon after a bulk load: planner statistics and the visibility map.
    await client.query(`VACUUM ANALYZE`);
    return { indicatorSlugs: rows.map((row) => row.slug) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

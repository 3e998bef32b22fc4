import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_FIELDS } from "@/lib/csv-import/fields";
import { createCallers, createTestIndicator, observationInput, request, TEST_HOST, type Callers } from "@/testing/editor-fixtures";
import { FORMULA_PAYLOADS, SCRIPT_PAYLOADS, SQL_PAYLOADS } from "@/testing/hostile-inputs";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Issue #7: SQL metacharacters (and script payloads) in every text field and query parameter are
// stored and given back exactly as written, and break nothing: every query is parameterised.

let database: TestDatabase;
let callers: Callers;
let routes: {
  observations: typeof import("./editor/observations/route");
  publish: typeof import("./editor/observations/[id]/publish/route");
  indicators: typeof import("./editor/indicators/route");
  framings: typeof import("./editor/framings/route");
  events: typeof import("./editor/events/route");
  source: typeof import("./editor/sources/[id]/route");
  producer: typeof import("./editor/producers/[id]/route");
  users: typeof import("./editor/users/route");
  tokens: typeof import("./editor/tokens/route");
  session: typeof import("./editor/session/route");
  imports: typeof import("./editor/imports/route");
  submit: typeof import("./v1/observations/route");
  indicator: typeof import("./v1/indicators/[slug]/route");
  figures: typeof import("./v1/indicators/[slug]/observations/route");
  publicEvents: typeof import("./v1/events/route");
  sources: typeof import("./v1/sources/route");
  changes: typeof import("./v1/changes/route");
  apply: typeof import("./editor/reference-changes/[id]/apply/route");
  oembed: typeof import("./oembed/route");
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
  routes = {
    observations: await import("./editor/observations/route"),
    publish: await import("./editor/observations/[id]/publish/route"),
    indicators: await import("./editor/indicators/route"),
    framings: await import("./editor/framings/route"),
    events: await import("./editor/events/route"),
    source: await import("./editor/sources/[id]/route"),
    producer: await import("./editor/producers/[id]/route"),
    users: await import("./editor/users/route"),
    tokens: await import("./editor/tokens/route"),
    session: await import("./editor/session/route"),
    imports: await import("./editor/imports/route"),
    submit: await import("./v1/observations/route"),
    indicator: await import("./v1/indicators/[slug]/route"),
    figures: await import("./v1/indicators/[slug]/observations/route"),
    publicEvents: await import("./v1/events/route"),
    sources: await import("./v1/sources/route"),
    changes: await import("./v1/changes/route"),
    apply: await import("./editor/reference-changes/[id]/apply/route"),
    oembed: await import("./oembed/route"),
  };
});
afterAll(() => database.drop());

const SQL = SQL_PAYLOADS.join(" ");
/** A different hostile text for each field, so a field stored in another's place shows. */
const hostile = (field: string) => `${field}: ${SQL} ${SCRIPT_PAYLOADS[1]}`;
/** The same, within 120 characters (display names, token names). */
const short = (field: string) => `${field}: ${SQL_PAYLOADS.slice(0, 5).join(" ")} ${SCRIPT_PAYLOADS[1]}`;
const get = (path: string) => new Request(`http://${TEST_HOST}${path}`, { headers: { host: TEST_HOST } });
const id = (value: string) => ({ params: Promise.resolve({ id: value }) });
const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });
const json = async (response: Response, status: number) => {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text);
};

async function tablesIntact() {
  const [row] = await database.db.$queryRaw<{ tables: bigint }[]>`
    SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Observation', 'User', 'Source', 'ChangeEntry')`;
  expect(Number(row!.tables)).toBe(4);
}

describe("SQL metacharacters in text fields", () => {
  it("are stored and served verbatim in figures, from the form, the token API and the CSV importer", async () => {
    const input = {
      ...observationInput(),
      producer: { name: `${FORMULA_PAYLOADS[0]} ${hostile("producer")}`, type: "ngo" },
      source: { url: `https://example.org/r?q=${encodeURIComponent(SQL)}&x=%25_`, publisher: hostile("publisher") },
      attribution: hostile("attribution"),
      noteEn: hostile("noteEn"),
      noteEs: hostile("noteEs"),
    };
    const draft = (await json(await routes.observations.POST(request("POST", "/api/editor/observations", callers.editor, input)), 201))
      .data;
    expect(draft).toMatchObject({
      producer: input.producer,
      source: { url: input.source.url, publisher: input.source.publisher },
      attribution: input.attribution,
      noteEn: input.noteEn,
    });
    await json(
      await routes.publish.POST(
        request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: 1 }),
        id(draft.id),
      ),
      200,
    );

    const scripted = {
      ...observationInput({ value: "121" }),
      producer: { name: hostile("token producer"), type: "media" },
      noteEn: `$1 $2 ${SQL}`,
    };
    const submitted = (await json(await routes.submit.POST(request("POST", "/api/v1/observations", callers.token, scripted)), 201)).data;
    expect(submitted.producer.name).toBe(scripted.producer.name);
    expect(submitted.noteEn).toBe(scripted.noteEn);

    const cells: Record<string, string> = {
      ...Object.fromEntries(IMPORT_FIELDS.map((field) => [field, ""])),
      indicator: "test_indicator",
      value: "122",
      asOf: "2024",
      datePrecision: "year",
      producer: hostile("csv producer"),
      producerType: "academic",
      sourceUrl: "https://example.org/csv?a='--",
      publisher: `@SUM(A1) ${SQL}`,
      noteEn: hostile("csv note"),
      noteEs: "\\'; --",
    };
    const csv = [IMPORT_FIELDS.join(","), IMPORT_FIELDS.map((field) => `"${cells[field]!.replace(/"/g, '""')}"`).join(",")].join("\r\n");
    const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, field]));
    expect(
      (await json(await routes.imports.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping })), 201)).data,
    ).toMatchObject({ created: 1 });
    const imported = await database.db.observation.findFirstOrThrow({ where: { value: "122" }, include: { producer: true, source: true } });
    expect(imported).toMatchObject({
      noteEn: cells.noteEn,
      noteEs: cells.noteEs,
      producer: { name: cells.producer },
      source: { publisher: cells.publisher, url: cells.sourceUrl },
    });

    // The public API gives the published figure back as written; the CSV export too, formula defused.
    const { data } = await json(
      await routes.figures.GET(get("/api/v1/indicators/test_indicator/observations"), slug("test_indicator")),
      200,
    );
    expect(data).toEqual([
      expect.objectContaining({
        producer: input.producer,
        attribution: input.attribution,
        note: { en: input.noteEn, es: input.noteEs },
        source: expect.objectContaining({ url: input.source.url }),
      }),
    ]);
    const exported = parse(
      await (await routes.figures.GET(get("/api/v1/indicators/test_indicator/observations?format=csv"), slug("test_indicator"))).text(),
      { columns: true },
    ) as Record<string, string>[];
    expect(exported[0]).toMatchObject({ producer: `'${input.producer.name}`, publisher: input.source.publisher, noteEn: input.noteEn });
    await tablesIntact();
  });

  it("are stored and served verbatim in reference data, accounts and tokens", async () => {
    // Reference data changes through review: the editor proposes (202) with a reason, a reviewer applies.
    const reason = hostile("reason");
    const apply = async (proposal: { id: string }) =>
      json(
        await routes.apply.POST(
          request("POST", `/api/editor/reference-changes/${proposal.id}/apply`, callers.reviewer, {}),
          id(proposal.id),
        ),
        200,
      );
    const indicator = {
      slug: "synthetic_sql",
      nameEs: hostile("nameEs"),
      nameEn: hostile("nameEn"),
      descriptionEs: hostile("descriptionEs"),
      descriptionEn: hostile("descriptionEn"),
      unit: hostile("unit"),
      theme: "public_opinion",
      valueKind: "share",
    };
    const indicatorProposal = (
      await json(await routes.indicators.POST(request("POST", "/api/editor/indicators", callers.editor, { data: indicator, reason })), 202)
    ).data;
    expect(indicatorProposal).toMatchObject({ data: indicator, reason });
    await apply(indicatorProposal);
    const framing = {
      indicatorSlug: "synthetic_sql",
      producer: { name: hostile("framing producer"), type: "government" },
      sourceUrl: "https://example.org/f?x=' OR '1'='1",
      summaryEs: hostile("summaryEs"),
      summaryEn: hostile("summaryEn"),
    };
    await apply(
      (await json(await routes.framings.POST(request("POST", "/api/editor/framings", callers.editor, { data: framing, reason })), 202))
        .data,
    );
    const published = (await json(await routes.indicator.GET(get("/api/v1/indicators/synthetic_sql"), slug("synthetic_sql")), 200)).data;
    expect(published).toMatchObject({
      name: { es: indicator.nameEs, en: indicator.nameEn },
      description: { es: indicator.descriptionEs, en: indicator.descriptionEn },
      unit: indicator.unit,
    });
    expect(published.framings).toEqual([
      {
        producer: framing.producer,
        summary: { es: framing.summaryEs, en: framing.summaryEn },
        source: { url: framing.sourceUrl, publisher: null },
      },
    ]);

    const event = {
      kind: "other",
      startsOn: "2024-05-01",
      datePrecision: "day",
      dateNote: hostile("dateNote"),
      titleEs: hostile("titleEs"),
      titleEn: hostile("titleEn"),
      sourceUrl: "https://example.org/e?$1=%_",
    };
    await apply(
      (await json(await routes.events.POST(request("POST", "/api/editor/events", callers.editor, { data: event, reason })), 202)).data,
    );
    const events = (await json(await routes.publicEvents.GET(get("/api/v1/events?from=2024-05-01&to=2024-05-01")), 200)).data;
    expect(events).toEqual([
      expect.objectContaining({
        dateNote: event.dateNote,
        title: { es: event.titleEs, en: event.titleEn },
        // example.org is in no domain table entry: secondary until staff classify it.
        source: { url: event.sourceUrl, publisher: null, class: "secondary" },
      }),
    ]);

    const source = await database.db.source.findUniqueOrThrow({ where: { url: event.sourceUrl } });
    const sourceEdit = { url: source.url, publisher: hostile("source publisher"), publishedAt: null, archivedUrl: null };
    await apply(
      (
        await json(
          await routes.source.PATCH(
            request("PATCH", `/api/editor/sources/${source.id}`, callers.editor, {
              version: source.version,
              data: sourceEdit,
              reason,
            }),
            id(source.id),
          ),
          202,
        )
      ).data,
    );
    const sources = (await json(await routes.sources.GET(get("/api/v1/sources")), 200)).data;
    expect(sources).toContainEqual(expect.objectContaining({ url: source.url, publisher: sourceEdit.publisher }));

    const producer = await database.db.producer.findFirstOrThrow({ where: { name: framing.producer.name } });
    const renamed = { name: hostile("renamed producer"), type: "government" };
    await apply(
      (
        await json(
          await routes.producer.PATCH(
            request("PATCH", `/api/editor/producers/${producer.id}`, callers.editor, {
              version: producer.version,
              data: renamed,
              reason,
            }),
            id(producer.id),
          ),
          202,
        )
      ).data,
    );
    expect(await database.db.producer.findUniqueOrThrow({ where: { id: producer.id } })).toMatchObject(renamed);
    // The public change log carries the reason and the renamed producer verbatim.
    const logged = (await json(await routes.changes.GET(get("/api/v1/changes")), 200)).data;
    expect(logged[0]).toMatchObject({ action: "producer.updated", reason, after: renamed });

    const user = { email: "o'brien+_@example.org", displayName: short("displayName"), password: `${SQL} long enough`, role: "editor" };
    expect((await json(await routes.users.POST(request("POST", "/api/editor/users", callers.admin, user)), 201)).data).toMatchObject({
      email: user.email,
      displayName: user.displayName,
    });
    expect(
      (await json(await routes.tokens.POST(request("POST", "/api/editor/tokens", callers.admin, { name: short("token") })), 201)).data.name,
    ).toBe(short("token"));

    // The password with metacharacters signs in; the same email with SQL glued on does not.
    const signIn = (email: string, password: string) =>
      routes.session.POST(request("POST", "/api/editor/session", callers.anonymous, { email, password }));
    expect((await signIn(user.email, user.password)).status).toBe(200);
    expect((await signIn(user.email, `${user.password}' OR '1'='1`)).status).toBe(401);
    await tablesIntact();
  });
});

describe("SQL metacharacters in query parameters and slugs", () => {
  it.each([
    [`/api/v1/indicators/x/observations?producerType=${encodeURIComponent(`'; DROP TABLE "Observation"; --`)}`, "test_indicator", 400],
    [`/api/v1/indicators/x/observations?cursor=${Buffer.from(`2024-01-01|' OR '1'='1`).toString("base64url")}`, "test_indicator", 400],
    [`/api/v1/indicators/x/observations?from=${encodeURIComponent("2024-01-01' OR '1'='1")}`, "test_indicator", 400],
    ["/api/v1/indicators/x/observations", `'; DROP TABLE "Observation"; --`, 404],
    ["/api/v1/indicators/x/observations", "%", 404],
    ["/api/v1/indicators/x/observations", "test_indicato_", 404],
    ["/api/v1/indicators/x/observations", "\\", 404],
  ])("GET %s for slug %j answers %i", async (path, slugValue, status) => {
    const response = await routes.figures.GET(get(path), slug(slugValue));
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toBeTruthy();
    await tablesIntact();
  });

  it("treats them as text in every other public filter", async () => {
    expect((await routes.indicator.GET(get("/api/v1/indicators/x"), slug("_%"))).status).toBe(404);
    expect((await routes.publicEvents.GET(get(`/api/v1/events?kind=${encodeURIComponent("report' OR '1'='1")}`))).status).toBe(400);
    expect((await routes.changes.GET(get(`/api/v1/changes?since=${encodeURIComponent("2024-01-01'; --")}`))).status).toBe(400);
    expect((await routes.changes.GET(get(`/api/v1/changes?limit=${encodeURIComponent("1; DROP TABLE x")}`))).status).toBe(400);
    expect(
      (await routes.oembed.GET(get(`/api/oembed?url=${encodeURIComponent(`http://${TEST_HOST}/es/indicators/test_indicator' OR '1'='1`)}`)))
        .status,
    ).toBe(404);
    await tablesIntact();
  });

  it("finds % and _ literally in the editor's searches, never as wildcards", async () => {
    const { listProducersForEditor: listProducers } = await import("@/lib/sources/producers");
    const { listSourcesForEditor: listSources } = await import("@/lib/sources/queries");
    const { ZListQuery } = await import("@/lib/reference/list-page");
    await database.db.producer.createMany({
      data: [
        { name: "Synthetic 100% sure", type: "media" },
        { name: "Synthetic a_b", type: "media" },
        { name: "Synthetic plain", type: "media" },
      ],
    });
    const names = async (q: string) => (await listProducers(ZListQuery.parse({ q }))).rows.map((row) => row.name);
    for (const [q, expected] of [
      ["%", "Synthetic 100% sure"],
      ["_", "Synthetic a_b"],
      ["\\", null],
    ] as const) {
      const found = await names(q);
      if (expected) expect(found).toContain(expected);
      expect(found.filter((name) => !name.includes(q))).toEqual([]);
    }
    expect(await names("Synthetic 1%")).toEqual([]);
    expect(await names("Synthetic a_b")).toEqual(["Synthetic a_b"]);
    const injected = `' OR '1'='1`;
    const sources = (await listSources(ZListQuery.parse({ q: injected }))).rows;
    expect(sources.map((row) => row.url)).toContain("https://example.org/f?x=' OR '1'='1");
    expect(sources.filter((row) => !`${row.url} ${row.publisher}`.includes(injected))).toEqual([]);
    expect(sources.length).toBeLessThan(await database.db.source.count());
    // A NUL cannot be searched for: the search is dropped, not a server error.
    expect((await listProducers(ZListQuery.parse({ q: "a\u0000b" }))).q).toBe("");
  });
});

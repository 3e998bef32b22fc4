import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, createTestIndicator, request, type Caller, type Callers } from "@/testing/editor-fixtures";
import { validateAgainstOpenApi } from "@/testing/openapi-validator";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";

// Issue #12, finding 8: one editor could relabel a producer or repoint a published figure's source,
// live at once and with no public trace. Reader-visible reference data now changes like a figure:
// a proposal with a reason, applied by a reviewer or admin who did not write it, and then listed in
// the public change log with that reason.

let database: TestDatabase;
let callers: Callers;
let routes: {
  producer: typeof import("./producers/[id]/route");
  source: typeof import("./sources/[id]/route");
  indicators: typeof import("./indicators/route");
  indicator: typeof import("./indicators/[id]/route");
  framings: typeof import("./framings/route");
  framing: typeof import("./framings/[id]/route");
  events: typeof import("./events/route");
  event: typeof import("./events/[id]/route");
  apply: typeof import("./reference-changes/[id]/apply/route");
  reject: typeof import("./reference-changes/[id]/reject/route");
  withdraw: typeof import("./reference-changes/[id]/withdraw/route");
};
let publicApi: {
  observations: typeof import("../v1/indicators/[slug]/observations/route");
  indicator: typeof import("../v1/indicators/[slug]/route");
  indicators: typeof import("../v1/indicators/route");
  sources: typeof import("../v1/sources/route");
  events: typeof import("../v1/events/route");
  changes: typeof import("../v1/changes/route");
};
const ids = { producer: "", source: "", framing: "", event: "", indicator: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  routes = {
    producer: await import("./producers/[id]/route"),
    source: await import("./sources/[id]/route"),
    indicators: await import("./indicators/route"),
    indicator: await import("./indicators/[id]/route"),
    framings: await import("./framings/route"),
    framing: await import("./framings/[id]/route"),
    events: await import("./events/route"),
    event: await import("./events/[id]/route"),
    apply: await import("./reference-changes/[id]/apply/route"),
    reject: await import("./reference-changes/[id]/reject/route"),
    withdraw: await import("./reference-changes/[id]/withdraw/route"),
  };
  publicApi = {
    observations: await import("../v1/indicators/[slug]/observations/route"),
    indicator: await import("../v1/indicators/[slug]/route"),
    indicators: await import("../v1/indicators/route"),
    sources: await import("../v1/sources/route"),
    events: await import("../v1/events/route"),
    changes: await import("../v1/changes/route"),
  };
  callers = await createCallers(database.db);
  const { db } = database;
  const indicator = await createTestIndicator(db);
  const producer = await db.producer.create({ data: { name: "Ministerio de Justicia y Seguridad Pública", type: "government" } });
  const source = await db.source.create({ data: { url: "https://example.org/official-report", publisher: "Ministerio" } });
  const framingSource = await db.source.create({ data: { url: "https://example.org/speech", publisher: "Presidencia" } });
  const eventSource = await db.source.create({ data: { url: "https://example.org/decree", publisher: "Asamblea" } });
  await db.observation.create({
    data: {
      indicatorId: indicator.id,
      producerId: producer.id,
      sourceId: source.id,
      value: "71000",
      asOf: new Date("2024-01-01T00:00:00Z"),
      datePrecision: "year",
      attribution: "Ministerio",
      status: "published",
      version: 2,
      publishedAt: new Date(),
    },
  });
  const framing = await db.framing.create({
    data: {
      indicatorId: indicator.id,
      producerId: producer.id,
      sourceId: framingSource.id,
      summaryEs: "Dice que bajó.",
      summaryEn: "Says it fell.",
    },
  });
  const event = await db.event.create({
    data: {
      kind: "renewal",
      startsOn: new Date("2024-02-01T00:00:00Z"),
      datePrecision: "day",
      titleEs: "Prórroga 23",
      titleEn: "Renewal 23",
      sourceId: eventSource.id,
    },
  });
  Object.assign(ids, { producer: producer.id, source: source.id, framing: framing.id, event: event.id, indicator: indicator.id });
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (path: string) => new Request(`http://contraste.test${path}`);
const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });

/** Everything a reader can fetch about the fixtures, as the public API gives it. */
async function readerView() {
  const responses = await Promise.all([
    publicApi.observations.GET(get("/api/v1/indicators/test_indicator/observations"), slug("test_indicator")),
    publicApi.indicator.GET(get("/api/v1/indicators/test_indicator"), slug("test_indicator")),
    publicApi.indicators.GET(get("/api/v1/indicators")),
    publicApi.sources.GET(get("/api/v1/sources")),
    publicApi.events.GET(get("/api/v1/events")),
  ]);
  return JSON.stringify(await Promise.all(responses.map((response) => response.json())));
}

async function publicChangeLog(): Promise<{ id: string; action: string; reason: string | null; before: unknown; after: unknown }[]> {
  const response = await publicApi.changes.GET(get("/api/v1/changes"));
  expect(response.status).toBe(200);
  const body = await response.json();
  // Reference entries are part of the published contract too.
  expect(validateAgainstOpenApi("/api/v1/changes", "get", 200, body)).toEqual([]);
  return body.data;
}

async function decide(verb: "apply" | "reject" | "withdraw", caller: Caller, proposalId: string, body: unknown = {}) {
  return routes[verb].POST(request("POST", `/api/editor/reference-changes/${proposalId}/${verb}`, caller, body), params(proposalId));
}

const seen = (row: { version: number }) => row.version;

type Scenario = {
  name: string;
  entityType: "producer" | "source" | "indicator" | "framing" | "event";
  action: string;
  reason: string;
  propose: (caller: Caller, reason: string) => Promise<Response>;
  /** The record as it stands (null before a create is applied). */
  current: () => Promise<unknown>;
  /** True once the proposed change is in the record readers see. */
  applied: () => Promise<boolean>;
};

const indicatorInput = (overrides: Record<string, unknown> = {}) => ({
  slug: "test_indicator",
  nameEs: "Prueba",
  nameEn: "Test",
  descriptionEs: "Prueba",
  descriptionEn: "Test",
  unit: "people",
  theme: "state_of_exception",
  valueKind: "cumulative_count",
  ...overrides,
});
const framingInput = (overrides: Record<string, unknown> = {}) => ({
  indicatorSlug: "test_indicator",
  producer: { name: "Ministerio de Justicia y Seguridad Pública", type: "government" },
  sourceUrl: "https://example.org/speech",
  summaryEs: "Dice que bajó.",
  summaryEn: "Says it fell.",
  ...overrides,
});
const eventInput = (overrides: Record<string, unknown> = {}) => ({
  kind: "renewal",
  startsOn: "2024-02-01",
  datePrecision: "day",
  titleEs: "Prórroga 23",
  titleEn: "Renewal 23",
  sourceUrl: "https://example.org/decree",
  ...overrides,
});

const scenarios: Scenario[] = [
  {
    name: "relabelling a producer from government to NGO",
    entityType: "producer",
    action: "producer.updated",
    reason: "The report names an NGO, not the ministry.",
    propose: async (caller, reason) => {
      const row = await database.db.producer.findUniqueOrThrow({ where: { id: ids.producer } });
      return routes.producer.PATCH(
        request("PATCH", `/api/editor/producers/${ids.producer}`, caller, {
          version: seen(row),
          data: { name: "Asociación Civil", type: "ngo" },
          reason,
        }),
        params(ids.producer),
      );
    },
    current: () => database.db.producer.findUnique({ where: { id: ids.producer }, select: { name: true, type: true } }),
    applied: async () => (await database.db.producer.findUniqueOrThrow({ where: { id: ids.producer } })).type === "ngo",
  },
  {
    name: "pointing a published figure's source to another address",
    entityType: "source",
    action: "source.updated",
    reason: "The ministry moved the report to a new address.",
    propose: async (caller, reason) => {
      const row = await database.db.source.findUniqueOrThrow({ where: { id: ids.source } });
      return routes.source.PATCH(
        request("PATCH", `/api/editor/sources/${ids.source}`, caller, {
          version: seen(row),
          data: { url: "https://evil.example/report", publisher: "Ministerio" },
          reason,
        }),
        params(ids.source),
      );
    },
    current: () => database.db.source.findUnique({ where: { id: ids.source }, select: { url: true, publisher: true } }),
    applied: async () => (await database.db.source.findUniqueOrThrow({ where: { id: ids.source } })).url === "https://evil.example/report",
  },
  {
    name: "rewriting an indicator's definition",
    entityType: "indicator",
    action: "indicator.updated",
    reason: "The definition left out people held without charge.",
    propose: async (caller, reason) => {
      const row = await database.db.indicator.findUniqueOrThrow({ where: { id: ids.indicator } });
      return routes.indicator.PATCH(
        request("PATCH", `/api/editor/indicators/${ids.indicator}`, caller, {
          version: seen(row),
          data: indicatorInput({ descriptionEn: "Everyone detained, charged or not." }),
          reason,
        }),
        params(ids.indicator),
      );
    },
    current: () => database.db.indicator.findUnique({ where: { id: ids.indicator }, select: { descriptionEn: true } }),
    applied: async () =>
      (await database.db.indicator.findUniqueOrThrow({ where: { id: ids.indicator } })).descriptionEn ===
      "Everyone detained, charged or not.",
  },
  {
    name: "rewriting a framing",
    entityType: "framing",
    action: "framing.updated",
    reason: "The speech said it fell by half.",
    propose: async (caller, reason) => {
      const row = await database.db.framing.findUniqueOrThrow({ where: { id: ids.framing } });
      return routes.framing.PATCH(
        request("PATCH", `/api/editor/framings/${ids.framing}`, caller, {
          version: seen(row),
          data: framingInput({ summaryEn: "Says it fell by half." }),
          reason,
        }),
        params(ids.framing),
      );
    },
    current: () => database.db.framing.findUnique({ where: { id: ids.framing }, select: { summaryEn: true } }),
    applied: async () =>
      (await database.db.framing.findUniqueOrThrow({ where: { id: ids.framing } })).summaryEn === "Says it fell by half.",
  },
  {
    name: "moving an event's date",
    entityType: "event",
    action: "event.updated",
    reason: "The decree took effect a day later.",
    propose: async (caller, reason) => {
      const row = await database.db.event.findUniqueOrThrow({ where: { id: ids.event } });
      return routes.event.PATCH(
        request("PATCH", `/api/editor/events/${ids.event}`, caller, {
          version: seen(row),
          data: eventInput({ startsOn: "2024-02-02" }),
          reason,
        }),
        params(ids.event),
      );
    },
    current: () => database.db.event.findUnique({ where: { id: ids.event }, select: { startsOn: true } }),
    applied: async () =>
      (await database.db.event.findUniqueOrThrow({ where: { id: ids.event } })).startsOn.toISOString().startsWith("2024-02-02"),
  },
  {
    name: "adding an indicator",
    entityType: "indicator",
    action: "indicator.created",
    reason: "Cristosal now counts deaths in custody.",
    propose: (caller, reason) =>
      routes.indicators.POST(
        request("POST", "/api/editor/indicators", caller, {
          data: indicatorInput({ slug: "deaths_in_custody", nameEn: "Deaths in custody" }),
          reason,
        }),
      ),
    current: () => database.db.indicator.findUnique({ where: { slug: "deaths_in_custody" }, select: { nameEn: true } }),
    applied: async () => (await database.db.indicator.count({ where: { slug: "deaths_in_custody" } })) === 1,
  },
  {
    name: "adding a framing",
    entityType: "framing",
    action: "framing.created",
    reason: "The NGO disputes the official count.",
    propose: (caller, reason) =>
      routes.framings.POST(
        request("POST", "/api/editor/framings", caller, {
          data: framingInput({
            producer: { name: "Cristosal", type: "ngo" },
            sourceUrl: "https://example.org/cristosal",
            summaryEn: "Counts more.",
          }),
          reason,
        }),
      ),
    current: () => database.db.framing.findFirst({ where: { summaryEn: "Counts more." }, select: { id: true } }),
    applied: async () => (await database.db.framing.count({ where: { summaryEn: "Counts more." } })) === 1,
  },
  {
    name: "adding an event",
    entityType: "event",
    action: "event.created",
    reason: "The assembly renewed the measure again.",
    propose: (caller, reason) =>
      routes.events.POST(
        request("POST", "/api/editor/events", caller, {
          data: eventInput({ startsOn: "2024-03-01", titleEn: "Renewal 24", titleEs: "Prórroga 24" }),
          reason,
        }),
      ),
    current: () => database.db.event.findFirst({ where: { titleEn: "Renewal 24" }, select: { id: true } }),
    applied: async () => (await database.db.event.count({ where: { titleEn: "Renewal 24" } })) === 1,
  },
];

describe("reader-visible reference data changes only through review", () => {
  it.each(scenarios)(
    "$name: held as a proposal, refused to its author, applied by another reviewer and logged publicly",
    async (scenario) => {
      const readersBefore = await readerView();
      const recordBefore = JSON.stringify(await scenario.current());
      const logBefore = await publicChangeLog();

      // A reviewer proposes: a reviewer who could apply others' changes, so the refusal below is the
      // two-person rule and not the role.
      const proposed = await scenario.propose(callers.reviewer, scenario.reason);
      expect(proposed.status).toBe(202);
      const proposal = (await proposed.json()).data;
      expect(proposal).toMatchObject({ status: "pending", entityType: scenario.entityType, reason: scenario.reason });

      // Nothing a reader sees has changed, and the public log says nothing yet.
      expect(await scenario.applied()).toBe(false);
      expect(JSON.stringify(await scenario.current())).toBe(recordBefore);
      expect(await readerView()).toBe(readersBefore);
      expect(await publicChangeLog()).toEqual(logBefore);

      // Its author cannot apply it, nor can an editor.
      expect((await decide("apply", callers.reviewer, proposal.id)).status).toBe(403);
      expect((await decide("apply", callers.editor, proposal.id)).status).toBe(403);
      expect(await scenario.applied()).toBe(false);

      const applied = await decide("apply", callers.admin, proposal.id);
      expect(applied.status).toBe(200);
      expect(await scenario.applied()).toBe(true);
      expect(await readerView()).not.toBe(readersBefore);

      const entries = await database.db.changeEntry.findMany({
        where: { action: scenario.action, isPublic: true, reason: scenario.reason },
      });
      expect(entries).toHaveLength(1);
      const logged = (await publicChangeLog())[0]!;
      expect(logged).toMatchObject({ id: entries[0]!.id, action: scenario.action, reason: scenario.reason, reviewer: "admin display" });
      expect(logged.after).not.toBeNull();
      if (scenario.action.endsWith(".updated")) expect(logged.before).not.toEqual(logged.after);

      // Applied once: a second apply is refused.
      expect((await decide("apply", callers.admin, proposal.id)).status).toBe(409);
    },
  );

  it("an editor's proposal is applied by a reviewer who did not write it", async () => {
    const row = await database.db.producer.create({ data: { name: "Fundación X", type: "government" } });
    const proposed = await routes.producer.PATCH(
      request("PATCH", `/api/editor/producers/${row.id}`, callers.editor, {
        version: seen(row),
        data: { name: "Fundación X", type: "ngo" },
        reason: "It is a foundation.",
      }),
      params(row.id),
    );
    expect(proposed.status).toBe(202);
    const proposal = (await proposed.json()).data;
    expect((await decide("apply", callers.editor, proposal.id)).status).toBe(403);
    expect((await decide("apply", callers.reviewer, proposal.id)).status).toBe(200);
    expect((await database.db.producer.findUniqueOrThrow({ where: { id: row.id } })).type).toBe("ngo");
  });

  it("refuses a proposal without a reason, and stores nothing", async () => {
    const row = await database.db.producer.findUniqueOrThrow({ where: { id: ids.producer } });
    const before = await database.db.referenceChange.count();
    const response = await routes.producer.PATCH(
      request("PATCH", `/api/editor/producers/${ids.producer}`, callers.editor, {
        version: seen(row),
        data: { name: "Otro", type: "media" },
      }),
      params(ids.producer),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_request");
    expect(await database.db.referenceChange.count()).toBe(before);
  });

  it("refuses to apply a proposal written against a version that has changed since (409)", async () => {
    const row = await database.db.producer.create({ data: { name: "Medio Y", type: "media" } });
    const propose = async (name: string) =>
      (
        await (
          await routes.producer.PATCH(
            request("PATCH", `/api/editor/producers/${row.id}`, callers.editor, {
              version: seen(row),
              data: { name, type: "media" },
              reason: "Spelling.",
            }),
            params(row.id),
          )
        ).json()
      ).data;
    const first = await propose("Medio Y (first)");
    const second = await propose("Medio Y (second)");
    expect((await decide("apply", callers.reviewer, first.id)).status).toBe(200);
    const stale = await decide("apply", callers.reviewer, second.id);
    expect(stale.status).toBe(409);
    expect((await database.db.producer.findUniqueOrThrow({ where: { id: row.id } })).name).toBe("Medio Y (first)");
  });

  it("lets a reviewer reject with a note and the author withdraw, neither changing what readers see", async () => {
    const readersBefore = await readerView();
    const row = await database.db.source.findUniqueOrThrow({ where: { id: ids.source } });
    const propose = async () =>
      (
        await (
          await routes.source.PATCH(
            request("PATCH", `/api/editor/sources/${ids.source}`, callers.editor, {
              version: seen(row),
              data: { url: "https://example.org/other", publisher: "X" },
              reason: "Moved.",
            }),
            params(ids.source),
          )
        ).json()
      ).data;
    const rejected = await propose();
    expect((await decide("reject", callers.editor, rejected.id, { note: "Mine." })).status).toBe(403);
    expect((await decide("reject", callers.reviewer, rejected.id, { note: "The old address still works." })).status).toBe(200);
    expect(await database.db.referenceChange.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({
      status: "rejected",
      reviewNote: "The old address still works.",
    });

    const withdrawn = await propose();
    expect((await decide("withdraw", callers.reviewer, withdrawn.id)).status).toBe(403);
    expect((await decide("withdraw", callers.editor, withdrawn.id)).status).toBe(200);
    expect((await decide("apply", callers.reviewer, withdrawn.id)).status).toBe(409);
    expect(await readerView()).toBe(readersBefore);
  });
});

describe("reference records lock with an integer version, as figures do", () => {
  const REASON = "Checking the version lock.";
  type Edit = {
    entity: string;
    section: "producers" | "sources" | "indicators" | "framings" | "events";
    create: () => Promise<{ id: string; version: number }>;
    read: (id: string) => Promise<{ version: number }>;
    data: unknown;
  };
  const edits: Edit[] = [
    {
      entity: "producer",
      section: "producers",
      create: () => database.db.producer.create({ data: { name: "Locking producer", type: "media" } }),
      read: (id) => database.db.producer.findUniqueOrThrow({ where: { id } }),
      data: { name: "Locking producer (renamed)", type: "media" },
    },
    {
      entity: "source",
      section: "sources",
      create: () => database.db.source.create({ data: { url: "https://example.org/locking", publisher: "Locking" } }),
      read: (id) => database.db.source.findUniqueOrThrow({ where: { id } }),
      data: { url: "https://example.org/locking-moved", publisher: "Locking" },
    },
    {
      entity: "indicator",
      section: "indicators",
      create: () => database.db.indicator.create({ data: indicatorInput({ slug: "locking_indicator" }) as never }),
      read: (id) => database.db.indicator.findUniqueOrThrow({ where: { id } }),
      data: indicatorInput({ slug: "locking_indicator", nameEn: "Locking (renamed)" }),
    },
    {
      entity: "framing",
      section: "framings",
      create: () =>
        database.db.framing.create({
          data: {
            indicatorId: ids.indicator,
            producerId: ids.producer,
            sourceId: ids.source,
            summaryEs: "Bloqueo.",
            summaryEn: "Locking.",
          },
        }),
      read: (id) => database.db.framing.findUniqueOrThrow({ where: { id } }),
      data: framingInput({ summaryEn: "Locking, rewritten." }),
    },
    {
      entity: "event",
      section: "events",
      create: () =>
        database.db.event.create({
          data: {
            kind: "other",
            startsOn: new Date("2024-05-01T00:00:00Z"),
            datePrecision: "day",
            titleEs: "Bloqueo",
            titleEn: "Locking",
            sourceId: ids.source,
          },
        }),
      read: (id) => database.db.event.findUniqueOrThrow({ where: { id } }),
      data: eventInput({ titleEn: "Locking, moved", startsOn: "2024-05-02" }),
    },
  ];

  const propose = (edit: Edit, id: string, version: unknown) => {
    const route = {
      producers: routes.producer,
      sources: routes.source,
      indicators: routes.indicator,
      framings: routes.framing,
      events: routes.event,
    }[edit.section];
    return route.PATCH(
      request("PATCH", `/api/editor/${edit.section}/${id}`, callers.editor, { version, data: edit.data, reason: REASON }),
      params(id),
    );
  };

  it.each(edits)(
    "$entity: an edit of the current version is applied and moves the record on by one; one of another version is a 409 that stores nothing",
    async (edit) => {
      const row = await edit.create();
      expect(row.version).toBe(1);
      const proposals = () => database.db.referenceChange.count({ where: { entityId: row.id } });

      for (const version of [2, 7]) {
        const wrong = await propose(edit, row.id, version);
        expect(wrong.status).toBe(409);
        expect((await wrong.json()).error.code).toBe("stale_version");
      }
      expect(await proposals()).toBe(0);

      const fresh = await propose(edit, row.id, 1);
      expect(fresh.status).toBe(202);
      const proposal = (await fresh.json()).data;
      expect(proposal.seenVersion).toBe(1);
      expect((await decide("apply", callers.reviewer, proposal.id)).status).toBe(200);
      expect((await edit.read(row.id)).version).toBe(2);

      // The editor who opened the form at version 1 is now too late: 409 with the record as it stands, nothing stored.
      const stored = JSON.stringify(await edit.read(row.id));
      const stale = await propose(edit, row.id, 1);
      expect(stale.status).toBe(409);
      const error = (await stale.json()).error;
      expect(error).toMatchObject({
        code: "stale_version",
        message: "Someone changed this since you opened it. Review the current version and propose your change again.",
      });
      expect(error.details.current).toEqual(expect.any(Object));
      expect(JSON.stringify(await edit.read(row.id))).toBe(stored);
      expect(await proposals()).toBe(1);

      // From the current version, the next edit goes through again.
      expect((await propose(edit, row.id, 2)).status).toBe(202);
    },
  );

  it("refuses a version that is not a whole positive number with a 400", async () => {
    const row = await database.db.producer.create({ data: { name: "Locking producer 2", type: "media" } });
    for (const version of ["1", 1.5, -1, null, "2024-01-01T00:00:00.000Z"]) {
      const response = await propose(edits[0]!, row.id, version);
      expect(response.status, JSON.stringify(version)).toBe(400);
    }
  });

  it("applies neither of two proposals of one version twice: the second is a 409 that leaves the record at the first one's version", async () => {
    const row = await database.db.producer.create({ data: { name: "Locking producer 3", type: "media" } });
    const edit = { ...edits[0]!, data: { name: "Locking producer 3 (first)", type: "media" } };
    const first = (await (await propose(edit, row.id, 1)).json()).data;
    const second = (await (await propose({ ...edit, data: { name: "Locking producer 3 (second)", type: "media" } }, row.id, 1)).json())
      .data;
    expect((await decide("apply", callers.reviewer, first.id)).status).toBe(200);
    const stored = await database.db.producer.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ name: "Locking producer 3 (first)", version: 2 });

    const stale = await decide("apply", callers.reviewer, second.id);
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: "changed_since_proposal",
      message: "This record changed after the proposal was written. Reject it, or ask the proposer to propose it again.",
      details: { current: { name: "Locking producer 3 (first)", type: "media" } },
    });
    expect(await database.db.producer.findUniqueOrThrow({ where: { id: row.id } })).toEqual(stored);
    expect((await database.db.referenceChange.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("pending");
  });
});

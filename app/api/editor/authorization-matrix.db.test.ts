import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import {
  createCallers,
  createTestIndicator,
  fingerprint,
  observationInput,
  request,
  TEST_PASSWORD,
  type Caller,
  type Callers,
} from "@/testing/editor-fixtures";

// Every mutating route against every kind of caller: the exact status each gets, and for every
// refusal, proof that the database did not change.

let database: TestDatabase;
let callers: Callers;
let routes: {
  create: typeof import("./observations/route");
  v1Create: typeof import("../v1/observations/route");
  update: typeof import("./observations/[id]/route");
  publish: typeof import("./observations/[id]/publish/route");
  retract: typeof import("./observations/[id]/retract/route");
  users: typeof import("./users/route");
  tokens: typeof import("./tokens/route");
  token: typeof import("./tokens/[id]/route");
  password: typeof import("./password/route");
  setup: typeof import("./setup/route");
  source: typeof import("./sources/[id]/route");
  producer: typeof import("./producers/[id]/route");
  framings: typeof import("./framings/route");
  framing: typeof import("./framings/[id]/route");
  events: typeof import("./events/route");
  event: typeof import("./events/[id]/route");
  indicators: typeof import("./indicators/route");
  indicator: typeof import("./indicators/[id]/route");
  apply: typeof import("./reference-changes/[id]/apply/route");
  reject: typeof import("./reference-changes/[id]/reject/route");
  withdraw: typeof import("./reference-changes/[id]/withdraw/route");
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  routes = {
    create: await import("./observations/route"),
    v1Create: await import("../v1/observations/route"),
    update: await import("./observations/[id]/route"),
    publish: await import("./observations/[id]/publish/route"),
    retract: await import("./observations/[id]/retract/route"),
    users: await import("./users/route"),
    tokens: await import("./tokens/route"),
    token: await import("./tokens/[id]/route"),
    password: await import("./password/route"),
    setup: await import("./setup/route"),
    source: await import("./sources/[id]/route"),
    producer: await import("./producers/[id]/route"),
    framings: await import("./framings/route"),
    framing: await import("./framings/[id]/route"),
    events: await import("./events/route"),
    event: await import("./events/[id]/route"),
    indicators: await import("./indicators/route"),
    indicator: await import("./indicators/[id]/route"),
    apply: await import("./reference-changes/[id]/apply/route"),
    reject: await import("./reference-changes/[id]/reject/route"),
    withdraw: await import("./reference-changes/[id]/withdraw/route"),
  };
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function draftBy(authorId: string | null) {
  const { db } = database;
  const producer = await db.producer.upsert({
    where: { name_type: { name: "Fixture", type: "ngo" } },
    create: { name: "Fixture", type: "ngo" },
    update: {},
  });
  const source = await db.source.upsert({
    where: { url: "https://example.org/fixture" },
    create: { url: "https://example.org/fixture", publisher: "Fixture" },
    update: {},
  });
  const indicator = await db.indicator.findUniqueOrThrow({ where: { slug: "test_indicator" } });
  return db.observation.create({
    data: {
      indicatorId: indicator.id,
      producerId: producer.id,
      sourceId: source.id,
      value: "10",
      asOf: new Date("2024-01-01T00:00:00Z"),
      datePrecision: "year",
      attribution: "Fixture",
      authorId,
    },
  });
}

async function publishedFigure() {
  const draft = await draftBy(null);
  return database.db.observation.update({ where: { id: draft.id }, data: { status: "published", version: 2 } });
}

type Cell = { caller: keyof Omit<Callers, "ids">; status: number };
const matrix = (expected: Record<keyof Omit<Callers, "ids">, number>): Cell[] =>
  (Object.entries(expected) as [Cell["caller"], number][]).map(([caller, status]) => ({ caller, status }));

type Scenario = {
  name: string;
  /** Builds what the call acts on (a draft, a token...) before anything is measured. */
  prepare?: (caller: Caller) => Promise<string>;
  call: (caller: Caller, id: string) => Promise<Response>;
  cells: Cell[];
};

const draftId = async () => (await draftBy(callers.ids.editor)).id;
const publishedId = async () => (await publishedFigure()).id;

const framingInput = {
  indicatorSlug: "test_indicator",
  producer: { name: "Gov", type: "government" },
  sourceUrl: "https://example.org/speech",
  summaryEs: "Dice que bajó.",
  summaryEn: "Says it fell.",
};
const eventInput = {
  kind: "renewal",
  startsOn: "2024-02-01",
  datePrecision: "day",
  titleEs: "Prórroga",
  titleEn: "Renewal",
  sourceUrl: "https://example.org/decree",
};
const indicatorInput = (slug: string) => ({
  slug,
  nameEs: "N",
  nameEn: "N",
  descriptionEs: "D",
  descriptionEn: "D",
  unit: "people",
  theme: "prisons_custody",
  valueKind: "point_in_time_count",
});
const seen = (row: { version: number }) => row.version;
// Reference edits and new records are proposals (202); another reviewer applies them.
const referenceProposers = matrix({ anonymous: 401, editor: 202, reviewer: 202, admin: 202, token: 403 });
const reason = "Spelling, as printed.";
async function editorsProposal() {
  const producer = await database.db.producer.create({ data: { name: `P ${unique()}`, type: "government" } });
  const response = await routes.producer.PATCH(
    request("PATCH", `/api/editor/producers/${producer.id}`, callers.editor, {
      version: seen(producer),
      data: { name: producer.name, type: "ngo" },
      reason,
    }),
    params(producer.id),
  );
  return (await response.json()).data.id as string;
}
async function framingRow() {
  const indicator = await database.db.indicator.findUniqueOrThrow({ where: { slug: "test_indicator" } });
  const producer = await database.db.producer.upsert({
    where: { name_type: { name: "Gov", type: "government" } },
    create: { name: "Gov", type: "government" },
    update: {},
  });
  const source = await database.db.source.upsert({
    where: { url: "https://example.org/speech" },
    create: { url: "https://example.org/speech" },
    update: {},
  });
  return database.db.framing.create({
    data: {
      indicatorId: indicator.id,
      producerId: producer.id,
      sourceId: source.id,
      summaryEs: "Dice que bajó.",
      summaryEn: "Says it fell.",
    },
  });
}
async function eventRow() {
  const source = await database.db.source.upsert({
    where: { url: "https://example.org/decree" },
    create: { url: "https://example.org/decree" },
    update: {},
  });
  return database.db.event.create({
    data: {
      kind: "renewal",
      startsOn: new Date("2024-02-01T00:00:00Z"),
      datePrecision: "day",
      titleEs: "Prórroga",
      titleEn: "Renewal",
      sourceId: source.id,
    },
  });
}
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

const scenarios: Scenario[] = [
  {
    name: "PATCH /api/editor/sources/[id]",
    prepare: async () => (await database.db.source.create({ data: { url: `https://example.org/s/${unique()}`, publisher: "Old" } })).id,
    call: async (caller, id) => {
      const row = await database.db.source.findUniqueOrThrow({ where: { id } });
      return routes.source.PATCH(
        request("PATCH", `/api/editor/sources/${id}`, caller, { version: seen(row), data: { url: row.url, publisher: "New" }, reason }),
        params(id),
      );
    },
    cells: referenceProposers,
  },
  {
    name: "PATCH /api/editor/producers/[id]",
    prepare: async () => (await database.db.producer.create({ data: { name: `P ${unique()}`, type: "media" } })).id,
    call: async (caller, id) => {
      const row = await database.db.producer.findUniqueOrThrow({ where: { id } });
      return routes.producer.PATCH(
        request("PATCH", `/api/editor/producers/${id}`, caller, {
          version: seen(row),
          data: { name: `${row.name}!`, type: "ngo" },
          reason,
        }),
        params(id),
      );
    },
    cells: referenceProposers,
  },
  {
    name: "POST /api/editor/framings",
    call: (caller) => routes.framings.POST(request("POST", "/api/editor/framings", caller, { data: framingInput, reason })),
    cells: referenceProposers,
  },
  {
    name: "PATCH /api/editor/framings/[id]",
    prepare: async () => (await framingRow()).id,
    call: async (caller, id) => {
      const row = await database.db.framing.findUniqueOrThrow({ where: { id } });
      return routes.framing.PATCH(
        request("PATCH", `/api/editor/framings/${id}`, caller, {
          version: seen(row),
          data: { ...framingInput, summaryEn: "Says it fell a lot." },
          reason,
        }),
        params(id),
      );
    },
    cells: referenceProposers,
  },
  {
    name: "POST /api/editor/events",
    call: (caller) => routes.events.POST(request("POST", "/api/editor/events", caller, { data: eventInput, reason })),
    cells: referenceProposers,
  },
  {
    name: "PATCH /api/editor/events/[id]",
    prepare: async () => (await eventRow()).id,
    call: async (caller, id) => {
      const row = await database.db.event.findUniqueOrThrow({ where: { id } });
      return routes.event.PATCH(
        request("PATCH", `/api/editor/events/${id}`, caller, {
          version: seen(row),
          data: { ...eventInput, titleEn: "Renewal (30 days)" },
          reason,
        }),
        params(id),
      );
    },
    cells: referenceProposers,
  },
  {
    name: "POST /api/editor/indicators",
    call: (caller) =>
      routes.indicators.POST(request("POST", "/api/editor/indicators", caller, { data: indicatorInput(`ind_${caller.name}`), reason })),
    cells: referenceProposers,
  },
  {
    name: "PATCH /api/editor/indicators/[id]",
    prepare: async () => (await database.db.indicator.create({ data: indicatorInput(`ind_${unique()}`) as never })).id,
    call: async (caller, id) => {
      const row = await database.db.indicator.findUniqueOrThrow({ where: { id } });
      return routes.indicator.PATCH(
        request("PATCH", `/api/editor/indicators/${id}`, caller, {
          version: seen(row),
          data: { ...indicatorInput(row.slug), unit: "prisoners" },
          reason,
        }),
        params(id),
      );
    },
    cells: referenceProposers,
  },
  {
    name: "POST /api/editor/reference-changes/[id]/apply",
    // Proposed by the editor, so for every other caller only the role decides (who proposed it:
    // app/api/editor/reference-review.db.test.ts).
    prepare: editorsProposal,
    call: (caller, id) => routes.apply.POST(request("POST", `/api/editor/reference-changes/${id}/apply`, caller, {}), params(id)),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 200, admin: 200, token: 403 }),
  },
  {
    name: "POST /api/editor/reference-changes/[id]/reject",
    prepare: editorsProposal,
    call: (caller, id) =>
      routes.reject.POST(request("POST", `/api/editor/reference-changes/${id}/reject`, caller, { note: "Not in the report." }), params(id)),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 200, admin: 200, token: 403 }),
  },
  {
    name: "POST /api/editor/reference-changes/[id]/withdraw",
    prepare: editorsProposal,
    call: (caller, id) => routes.withdraw.POST(request("POST", `/api/editor/reference-changes/${id}/withdraw`, caller, {}), params(id)),
    cells: matrix({ anonymous: 401, editor: 200, reviewer: 403, admin: 403, token: 403 }),
  },
  {
    name: "POST /api/editor/observations",
    call: (caller) => routes.create.POST(request("POST", "/api/editor/observations", caller, observationInput())),
    cells: matrix({ anonymous: 401, editor: 201, reviewer: 201, admin: 201, token: 201 }),
  },
  {
    name: "POST /api/v1/observations",
    call: (caller) => routes.v1Create.POST(request("POST", "/api/v1/observations", caller, observationInput())),
    cells: matrix({ anonymous: 401, editor: 201, reviewer: 201, admin: 201, token: 201 }),
  },
  {
    name: "PATCH /api/editor/observations/[id] (draft)",
    prepare: draftId,
    call: (caller, id) =>
      routes.update.PATCH(
        request("PATCH", `/api/editor/observations/${id}`, caller, { version: 1, observation: observationInput({ value: "11" }) }),
        params(id),
      ),
    cells: matrix({ anonymous: 401, editor: 200, reviewer: 200, admin: 200, token: 403 }),
  },
  {
    name: "PATCH /api/editor/observations/[id] (correction of a published figure)",
    prepare: publishedId,
    call: (caller, id) =>
      routes.update.PATCH(
        request("PATCH", `/api/editor/observations/${id}`, caller, {
          version: 2,
          observation: observationInput({ value: "12" }),
          reason: "The report was revised.",
        }),
        params(id),
      ),
    cells: matrix({ anonymous: 401, editor: 200, reviewer: 200, admin: 200, token: 403 }),
  },
  {
    name: "POST /api/editor/observations/[id]/publish",
    // Written by the editor, so for every other caller only the role decides (who wrote a draft:
    // lib/observations/publishing.db.test.ts).
    prepare: async () => (await draftBy(callers.ids.editor)).id,
    call: (caller, id) =>
      routes.publish.POST(request("POST", `/api/editor/observations/${id}/publish`, caller, { version: 1 }), params(id)),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 200, admin: 200, token: 403 }),
  },
  {
    name: "POST /api/editor/observations/[id]/retract",
    prepare: publishedId,
    call: (caller, id) =>
      routes.retract.POST(
        request("POST", `/api/editor/observations/${id}/retract`, caller, { version: 2, reason: "The source withdrew it." }),
        params(id),
      ),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 200, admin: 200, token: 403 }),
  },
  {
    name: "POST /api/editor/users",
    call: (caller) =>
      routes.users.POST(
        request("POST", "/api/editor/users", caller, {
          email: `new-${caller.name}@example.org`,
          displayName: "New",
          password: TEST_PASSWORD,
          role: "editor",
        }),
      ),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 403, admin: 201, token: 403 }),
  },
  {
    name: "POST /api/editor/tokens",
    call: (caller) => routes.tokens.POST(request("POST", "/api/editor/tokens", caller, { name: "importer" })),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 403, admin: 201, token: 403 }),
  },
  {
    name: "DELETE /api/editor/tokens/[id]",
    prepare: async (caller) =>
      (
        await database.db.apiToken.create({
          data: { name: "victim", tokenHash: `hash-for-${caller.name}`, tokenPrefix: "ctk_x", createdById: callers.ids.admin },
        })
      ).id,
    call: (caller, id) => routes.token.DELETE(request("DELETE", `/api/editor/tokens/${id}`, caller), params(id)),
    cells: matrix({ anonymous: 401, editor: 403, reviewer: 403, admin: 200, token: 403 }),
  },
  {
    name: "POST /api/editor/password",
    call: (caller) =>
      routes.password.POST(
        request("POST", "/api/editor/password", caller, { currentPassword: "not the password", newPassword: "another long password" }),
      ),
    // Signed-in users may change their own password; a wrong current password is a 400 that changes nothing.
    cells: matrix({ anonymous: 401, editor: 400, reviewer: 400, admin: 400, token: 403 }),
  },
  {
    name: "POST /api/editor/setup (users exist)",
    call: (caller) =>
      routes.setup.POST(
        request("POST", "/api/editor/setup", caller, { email: "late@example.org", displayName: "Late", password: TEST_PASSWORD }),
      ),
    cells: matrix({ anonymous: 403, editor: 403, reviewer: 403, admin: 403, token: 403 }),
  },
];

describe.each(scenarios)("$name", ({ prepare, call, cells }) => {
  it.each(cells)("$caller gets $status", async ({ caller, status }) => {
    const id = prepare ? await prepare(callers[caller]) : "";
    const before = await fingerprint(database.db);
    const changesBefore = await database.db.changeEntry.count();
    const response = await call(callers[caller], id);
    expect(response.status).toBe(status);
    const body = await response.json();
    if (status >= 400) {
      expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(await fingerprint(database.db)).toBe(before);
    } else {
      expect(body.data).toBeDefined();
      // Every accepted mutation appends exactly one history entry.
      expect(await database.db.changeEntry.count()).toBe(changesBefore + 1);
    }
  });
});

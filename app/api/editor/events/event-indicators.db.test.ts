import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouteTestbed, createTestIndicator, fingerprint, request, type Caller, type Callers } from "@/testing/editor-fixtures";
import { validateAgainstOpenApi } from "@/testing/openapi-validator";
import type { TestDatabase } from "@/testing/test-database";

// Which indicators an event concerns is reference data readers see (it decides which charts show
// the event), so it changes like the rest of the event: a proposal with a reason, applied by a
// second person, logged publicly with the before and after.

let database: TestDatabase;
let callers: Callers;
let routes: {
  events: typeof import("./route");
  event: typeof import("./[id]/route");
  apply: typeof import("../reference-changes/[id]/apply/route");
  publicEvents: typeof import("../../v1/events/route");
  publicChanges: typeof import("../../v1/changes/route");
};
let eventId = "";

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  routes = {
    events: await import("./route"),
    event: await import("./[id]/route"),
    apply: await import("../reference-changes/[id]/apply/route"),
    publicEvents: await import("../../v1/events/route"),
    publicChanges: await import("../../v1/changes/route"),
  };
  const { db } = database;
  await createTestIndicator(db, "homicide_rate");
  await createTestIndicator(db, "soe_extensions_count");
  const source = await db.source.create({ data: { url: "https://example.org/decree", publisher: "Asamblea" } });
  const homicideRate = await db.indicator.findUniqueOrThrow({ where: { slug: "homicide_rate" } });
  const event = await db.event.create({
    data: {
      kind: "renewal",
      startsOn: new Date("2024-02-01T00:00:00Z"),
      datePrecision: "day",
      titleEs: "Prórroga 23",
      titleEn: "Renewal 23",
      sourceId: source.id,
      // A renewal wrongly put on the homicide rate's chart, for the proposal below to correct.
      indicators: { create: { indicatorId: homicideRate.id } },
    },
  });
  eventId = event.id;
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const eventInput = (overrides: Record<string, unknown> = {}) => ({
  kind: "renewal",
  startsOn: "2024-02-01",
  datePrecision: "day",
  titleEs: "Prórroga 23",
  titleEn: "Renewal 23",
  sourceUrl: "https://example.org/decree",
  ...overrides,
});

const slugsOf = async (id: string) =>
  (await database.db.eventIndicator.findMany({ where: { eventId: id }, select: { indicator: { select: { slug: true } } } }))
    .map(({ indicator }) => indicator.slug)
    .sort();

async function proposeEdit(caller: Caller, data: Record<string, unknown>, reason = "The renewal concerns the state of exception.") {
  const row = await database.db.event.findUniqueOrThrow({ where: { id: eventId } });
  return routes.event.PATCH(
    request("PATCH", `/api/editor/events/${eventId}`, caller, { version: row.version, data, reason }),
    params(eventId),
  );
}

const apply = (caller: Caller, proposalId: string) =>
  routes.apply.POST(request("POST", `/api/editor/reference-changes/${proposalId}/apply`, caller, {}), params(proposalId));

describe("an event's indicators, edited through review", () => {
  it("change only when a second person applies the proposal, with a public change entry", async () => {
    const proposed = await proposeEdit(callers.editor, eventInput({ indicatorSlugs: ["soe_extensions_count", "test_indicator"] }));
    expect(proposed.status).toBe(202);
    const proposal = (await proposed.json()).data;

    // Proposed, not applied: the chart of the homicide rate still shows it.
    expect(await slugsOf(eventId)).toEqual(["homicide_rate"]);
    expect((await apply(callers.editor, proposal.id)).status).toBe(403);
    expect(await slugsOf(eventId)).toEqual(["homicide_rate"]);

    expect((await apply(callers.reviewer, proposal.id)).status).toBe(200);
    expect(await slugsOf(eventId)).toEqual(["soe_extensions_count", "test_indicator"]);

    const entry = await database.db.changeEntry.findFirstOrThrow({ where: { action: "event.updated", entityId: eventId, isPublic: true } });
    expect(entry.reason).toBe("The renewal concerns the state of exception.");
    expect(entry.before).toMatchObject({ indicatorSlugs: ["homicide_rate"], appliesToAll: false });
    expect(entry.after).toMatchObject({ indicatorSlugs: ["soe_extensions_count", "test_indicator"], appliesToAll: false });

    // The public change log shows the indicators before and after.
    const log = await (await routes.publicChanges.GET(new Request("http://contraste.test/api/v1/changes"))).json();
    expect(log.data.find((change: { id: string }) => change.id === entry.id)).toMatchObject({
      before: { indicatorSlugs: ["homicide_rate"] },
      after: { indicatorSlugs: ["soe_extensions_count", "test_indicator"] },
    });

    // Readers of the API see the new list.
    const response = await routes.publicEvents.GET(new Request("http://contraste.test/api/v1/events"));
    const body = await response.json();
    expect(validateAgainstOpenApi("/api/v1/events", "get", 200, body)).toEqual([]);
    expect(body.data.find((event: { id: string }) => event.id === eventId)).toMatchObject({
      indicators: ["soe_extensions_count", "test_indicator"],
      appliesToAll: false,
    });
  });

  it("refuses an unknown indicator when proposed, naming it, and stores nothing", async () => {
    const before = await fingerprint(database.db);
    const links = await slugsOf(eventId);
    const response = await proposeEdit(callers.editor, eventInput({ indicatorSlugs: ["soe_extensions_count", "made_up_indicator"] }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('"made_up_indicator"');
    expect(error.details.fields).toEqual([{ path: "data.indicatorSlugs", message: expect.stringContaining("made_up_indicator") }]);
    expect(await fingerprint(database.db)).toBe(before);
    expect(await slugsOf(eventId)).toEqual(links);
  });

  it("refuses a new event with an unknown indicator, and adds none", async () => {
    const count = await database.db.event.count();
    const response = await routes.events.POST(
      request("POST", "/api/editor/events", callers.editor, {
        data: eventInput({ titleEn: "Renewal 24", titleEs: "Prórroga 24", indicatorSlugs: ["nope"] }),
        reason: "A new renewal.",
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('"nope"');
    expect(await database.db.referenceChange.count({ where: { isCreate: true } })).toBe(0);
    expect(await database.db.event.count()).toBe(count);
  });

  it("adds a new event with its indicators, or as concerning all", async () => {
    const propose = async (data: Record<string, unknown>) =>
      (await (await routes.events.POST(request("POST", "/api/editor/events", callers.editor, { data, reason: "A new event." }))).json())
        .data;
    const renewal = await propose(eventInput({ titleEn: "Renewal 25", titleEs: "Prórroga 25", indicatorSlugs: ["soe_extensions_count"] }));
    const declaration = await propose(
      eventInput({ kind: "decree", titleEn: "Declaration", titleEs: "Declaratoria", appliesToAll: true, indicatorSlugs: [] }),
    );
    const renewalId = (await (await apply(callers.reviewer, renewal.id)).json()).data.record.id;
    const declarationId = (await (await apply(callers.reviewer, declaration.id)).json()).data.record.id;
    expect(await slugsOf(renewalId)).toEqual(["soe_extensions_count"]);
    expect(await slugsOf(declarationId)).toEqual([]);
    expect((await database.db.event.findUniqueOrThrow({ where: { id: declarationId } })).appliesToAll).toBe(true);
  });

  it("refuses an event that both concerns all and lists indicators", async () => {
    const response = await proposeEdit(callers.editor, eventInput({ appliesToAll: true, indicatorSlugs: ["homicide_rate"] }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields[0].path).toBe("data.indicatorSlugs");
  });

  it("leaves the indicators as they are when a proposal does not list them", async () => {
    const links = await slugsOf(eventId);
    const proposal = (await (await proposeEdit(callers.editor, eventInput({ titleEn: "Renewal 23 (corrected)" }), "Title.")).json()).data;
    expect((await apply(callers.reviewer, proposal.id)).status).toBe(200);
    expect(await slugsOf(eventId)).toEqual(links);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import {
  createCallers,
  createTestIndicator,
  fingerprint,
  observationInput,
  request,
  TEST_HOST,
  type Callers,
} from "@/testing/editor-fixtures";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { REPORT_LIMITS } from "@/lib/reports/create-report";

let database: TestDatabase;
let callers: Callers;
let routes: {
  report: typeof import("./route");
  close: typeof import("../editor/reports/[id]/close/route");
  create: typeof import("../editor/observations/route");
  publish: typeof import("../editor/observations/[id]/publish/route");
};
let listProblemReports: typeof import("@/lib/reports/list-reports").listProblemReports;
let published: { id: string };
let draft: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CONTRASTE_REPORT_ADDRESS_KEY = "a key for the tests only";
  routes = {
    report: await import("./route"),
    close: await import("../editor/reports/[id]/close/route"),
    create: await import("../editor/observations/route"),
    publish: await import("../editor/observations/[id]/publish/route"),
  };
  ({ listProblemReports } = await import("@/lib/reports/list-reports"));
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
  draft = await createDraft();
  published = await createDraft();
  const answer = await routes.publish.POST(
    request("POST", `/api/editor/observations/${published.id}/publish`, callers.reviewer, { version: 1 }),
    params(published.id),
  );
  expect(answer.status).toBe(200);
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function createDraft() {
  const response = await routes.create.POST(request("POST", "/api/editor/observations", callers.editor, observationInput()));
  expect(response.status).toBe(201);
  return (await response.json()).data as { id: string };
}

let addressCount = 0;
/** A reader at an address of their own (the web server stamps it; the route trusts only that header). */
const newAddress = () => `203.0.113.${++addressCount}`;

function report(body: unknown, address: string, headers: Record<string, string> = {}) {
  return routes.report.POST(request("POST", "/api/reports", callers.anonymous, body, { [CLIENT_ADDRESS_HEADER]: address, ...headers }));
}

function formPost(fields: Record<string, string>, address: string, headers: Record<string, string> = {}) {
  return routes.report.POST(
    new Request(`http://${TEST_HOST}/api/reports`, {
      method: "POST",
      headers: {
        host: TEST_HOST,
        origin: `http://${TEST_HOST}`,
        "content-type": "application/x-www-form-urlencoded",
        [CLIENT_ADDRESS_HEADER]: address,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

const valid = (overrides: Record<string, unknown> = {}) => ({
  observationId: published.id,
  message: "The source says 120 for 2023, not 2024.",
  ...overrides,
});

const reportsOf = (observationId: string) =>
  database.db.problemReport.findMany({ where: { observationId }, orderBy: { createdAt: "asc" } });

describe("POST /api/reports", () => {
  it("stores a reader's report with its link and email, a keyed hash instead of the address, and changes no figure", async () => {
    const before = await fingerprint(database.db);
    const address = newAddress();
    const response = await report(
      valid({ sourceUrl: "https://example.org/better-source", email: "Reader@Example.org", website: "" }),
      address,
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()).data;
    const stored = await database.db.problemReport.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      observationId: published.id,
      message: "The source says 120 for 2023, not 2024.",
      sourceUrl: "https://example.org/better-source",
      email: "reader@example.org",
      status: "open",
      closedAt: null,
    });
    expect(stored.addressKey).not.toContain(address);
    expect(stored.addressKey).not.toContain("203.0.113");
    // A report is stored beside the data: figures, history, sources and the rest stay as they were.
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses a message too short, a link that is not a web address or a bad email with 400, and stores nothing", async () => {
    const count = await database.db.problemReport.count();
    for (const body of [
      valid({ message: "wrong" }),
      valid({ message: "x".repeat(2001) }),
      valid({ sourceUrl: "javascript:alert(1)" }),
      valid({ email: "not an email" }),
      { message: "No figure named in this report." },
    ]) {
      const response = await report(body, newAddress());
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_request");
    }
    expect(await database.db.problemReport.count()).toBe(count);
  });

  it("answers 404 for a draft or an unknown figure, never saying which", async () => {
    for (const observationId of [draft.id, "no-such-figure"]) {
      const response = await report(valid({ observationId }), newAddress());
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("figure_not_found");
    }
    expect(await reportsOf(draft.id)).toHaveLength(0);
  });

  it("refuses a post from another site's page with 403", async () => {
    const count = await database.db.problemReport.count();
    const response = await formPost({ observationId: published.id, message: "Spam through a reader's browser." }, newAddress(), {
      origin: "https://elsewhere.example",
    });
    expect(response.status).toBe(403);
    expect(await database.db.problemReport.count()).toBe(count);
  });

  it(`limits one address to ${REPORT_LIMITS.perHour} reports an hour (429), while another address may still report`, async () => {
    const address = newAddress();
    for (let i = 0; i < REPORT_LIMITS.perHour; i++) expect((await report(valid(), address)).status).toBe(201);
    const refused = await report(valid(), address);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatchObject({ code: "too_many_reports", details: { params: { limit: REPORT_LIMITS.perHour } } });
    expect((await report(valid(), newAddress())).status).toBe(201);
  });

  it("keeps the limit when one address sends many reports at the same moment", async () => {
    const address = newAddress();
    const answers = await Promise.all(Array.from({ length: 12 }, () => report(valid(), address)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(REPORT_LIMITS.perHour);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - REPORT_LIMITS.perHour);
  });

  it("counts a day's reports too: an address with its daily number in the last 24 hours is refused", async () => {
    const address = newAddress();
    const { addressKeyOf } = await import("@/lib/reports/address-key");
    const earlier = new Date(Date.now() - 3 * 3_600_000);
    await database.db.problemReport.createMany({
      data: Array.from({ length: REPORT_LIMITS.perDay }, () => ({
        observationId: published.id,
        message: "An earlier report today.",
        addressKey: addressKeyOf(address),
        createdAt: earlier,
      })),
    });
    const refused = await report(valid(), address);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.details.params).toMatchObject({ limit: REPORT_LIMITS.perDay, period: "day" });
  });

  it("takes the plain form of a browser without JavaScript and sends it to the page that thanks the reader", async () => {
    const response = await formPost(
      { observationId: published.id, locale: "en", message: "The year should be 2023.", sourceUrl: "", email: "", website: "" },
      newAddress(),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/en/figures/${published.id}/report?sent=1`);
    expect((await reportsOf(published.id)).at(-1)).toMatchObject({ message: "The year should be 2023.", sourceUrl: null, email: null });
  });

  it("sends a form that fails back to the report page with the reason, storing nothing", async () => {
    const count = await database.db.problemReport.count();
    const response = await formPost({ observationId: published.id, locale: "es", message: "short" }, newAddress());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/es/figures/${published.id}/report?error=invalid_request&field=message`);
    const draftAnswer = await formPost({ observationId: draft.id, message: "A draft nobody may see." }, newAddress());
    expect(draftAnswer.headers.get("location")).toBe(`/es/figures/${draft.id}/report?error=figure_not_found`);
    expect(await database.db.problemReport.count()).toBe(count);

    const limited = newAddress();
    for (let i = 0; i < REPORT_LIMITS.perHour; i++) await report(valid(), limited);
    const limitedAnswer = await formPost({ observationId: published.id, message: "One report too many this hour." }, limited);
    expect(limitedAnswer.headers.get("location")).toBe(
      `/es/figures/${published.id}/report?error=too_many_reports&p.limit=${REPORT_LIMITS.perHour}&p.period=hour`,
    );
    expect(await database.db.problemReport.count()).toBe(count + REPORT_LIMITS.perHour);
  });

  it("stores nothing when the hidden field a bot fills in is filled, and answers as if it had", async () => {
    const count = await database.db.problemReport.count();
    const response = await report(valid({ website: "https://spam.example" }), newAddress());
    expect(response.status).toBe(201);
    expect(await database.db.problemReport.count()).toBe(count);
  });

  it("refuses a body over its limit with 413", async () => {
    const response = await report(valid({ message: "x".repeat(40_000) }), newAddress());
    expect(response.status).toBe(413);
  });
});

describe("staff list and closing", () => {
  it("lists reports with the reader's email for staff only, and lets staff close one with a note; a second close is a 409", async () => {
    const created = await report(valid({ message: "Please check the source's table 3.", email: "fact@example.org" }), newAddress());
    const { id } = (await created.json()).data;

    const { resolveActor } = await import("@/lib/auth/resolve-actor");
    const editor = (await resolveActor(request("GET", "/", callers.editor)))!;
    const open = await listProblemReports(editor, "open", 1);
    expect(open.rows.find((row) => row.id === id)).toMatchObject({ email: "fact@example.org", status: "open", closed: null });
    expect(open.rows.every((row) => row.status === "open")).toBe(true);

    const token = (await resolveActor(request("GET", "/", callers.token)))!;
    await expect(listProblemReports(token, "open", 1)).rejects.toMatchObject({ status: 403 });

    const before = await fingerprint(database.db);
    for (const caller of [callers.anonymous, callers.token]) {
      const refused = await routes.close.POST(request("POST", `/api/editor/reports/${id}/close`, caller, { note: "Done." }), params(id));
      expect([401, 403]).toContain(refused.status);
    }
    const missingNote = await routes.close.POST(
      request("POST", `/api/editor/reports/${id}/close`, callers.editor, { note: "" }),
      params(id),
    );
    expect(missingNote.status).toBe(400);

    const closed = await routes.close.POST(
      request("POST", `/api/editor/reports/${id}/close`, callers.editor, { note: "Checked: the figure is right." }),
      params(id),
    );
    expect(closed.status).toBe(200);
    expect((await closed.json()).data).toMatchObject({
      status: "closed",
      closed: { by: "editor display", note: "Checked: the figure is right." },
    });
    // Closing a report changes no figure and no history.
    expect(await fingerprint(database.db)).toBe(before);

    const again = await routes.close.POST(
      request("POST", `/api/editor/reports/${id}/close`, callers.reviewer, { note: "Closing it again." }),
      params(id),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("report_already_closed");
    expect(await database.db.problemReport.findUniqueOrThrow({ where: { id } })).toMatchObject({
      closeNote: "Checked: the figure is right.",
    });

    const closedList = await listProblemReports(editor, "closed", 1);
    expect(closedList.rows.map((row) => row.id)).toEqual([id]);
    const all = await listProblemReports(editor, "all", 1);
    expect(all.rows.at(-1)?.id).toBe(id);

    const unknown = await routes.close.POST(
      request("POST", `/api/editor/reports/nope/close`, callers.editor, { note: "Nothing here." }),
      params("nope"),
    );
    expect(unknown.status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCallers,
  createTestIndicator,
  fingerprint,
  observationInput,
  TEST_HOST,
  type Callers,
  type Caller,
} from "../../testing/editor-fixtures";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";
import { IMPORT_BODY_LIMIT_BYTES } from "../csv-import/fields";
import { JSON_BODY_LIMIT_BYTES } from "./request-body";

// Issue 12, finding 2: sign-in and setup read and parsed a body of any size before any check; 40 MB
// of nested "[" stalled every response and 600 MB ran the server out of memory. Every body is now
// read as a stream and abandoned at its route's limit.

let database: TestDatabase;
let callers: Callers;
let routes: {
  session: typeof import("@/app/api/editor/session/route");
  setup: typeof import("@/app/api/editor/setup/route");
  observations: typeof import("@/app/api/editor/observations/route");
  imports: typeof import("@/app/api/editor/imports/route");
};

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  await createTestIndicator(database.db);
  callers = await createCallers(database.db);
  routes = {
    session: await import("@/app/api/editor/session/route"),
    setup: await import("@/app/api/editor/setup/route"),
    observations: await import("@/app/api/editor/observations/route"),
    imports: await import("@/app/api/editor/imports/route"),
  };
});
afterAll(() => database.drop());

const CHUNK = 64 * 1024;

/** A body of `total` bytes produced on demand, counting how many bytes the server pulled. */
function meteredBody(total: number, fill: (offset: number) => Uint8Array) {
  const meter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (meter.pulled >= total) return controller.close();
      const chunk = fill(meter.pulled).subarray(0, Math.min(CHUNK, total - meter.pulled));
      meter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, meter };
}

const brackets = new Uint8Array(CHUNK).fill("[".charCodeAt(0));
// A valid start ('{"noteEn":"') then letters: a body that would parse if it ever ended.
const longNote = (offset: number) =>
  offset === 0 ? new TextEncoder().encode(`{"noteEn":"${"a".repeat(CHUNK - 11)}`) : new Uint8Array(CHUNK).fill(97);

function post(path: string, caller: Caller, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`http://${TEST_HOST}${path}`, {
    method: "POST",
    headers: { ...caller.headers, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function expectTooLarge(response: Response, limit: number) {
  expect(response.status).toBe(413);
  const body = await response.json();
  expect(body.error).toMatchObject({ code: "payload_too_large", details: { limitBytes: limit } });
  expect(body.error.message).toMatch(/larger than/);
}

describe("request body limits", () => {
  it("refuses 100 MB of nested brackets to sign-in with 413, having read no more than the limit and a chunk", async () => {
    const before = await fingerprint(database.db);
    const { stream, meter } = meteredBody(100 * 1024 * 1024, () => brackets);
    await expectTooLarge(await routes.session.POST(post("/api/editor/session", callers.anonymous, stream)), JSON_BODY_LIMIT_BYTES);
    expect(meter.pulled).toBeLessThanOrEqual(JSON_BODY_LIMIT_BYTES + 2 * CHUNK);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses a first-run setup whose Content-Length declares 600 MB without reading any of it", async () => {
    const before = await fingerprint(database.db);
    const { stream, meter } = meteredBody(600 * 1024 * 1024, () => brackets);
    const response = await routes.setup.POST(
      post("/api/editor/setup", callers.anonymous, stream, { "content-length": String(600 * 1024 * 1024) }),
    );
    await expectTooLarge(response, JSON_BODY_LIMIT_BYTES);
    // The stream may buffer a chunk ahead on its own; the route reads none of it.
    expect(meter.pulled).toBeLessThanOrEqual(CHUNK);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses a signed-in editor's 5 MB observation body (a note that never ends) and creates nothing", async () => {
    const before = await fingerprint(database.db);
    const { stream, meter } = meteredBody(5 * 1024 * 1024, longNote);
    await expectTooLarge(await routes.observations.POST(post("/api/editor/observations", callers.editor, stream)), JSON_BODY_LIMIT_BYTES);
    expect(meter.pulled).toBeLessThanOrEqual(JSON_BODY_LIMIT_BYTES + 2 * CHUNK);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("still accepts the largest legitimate form: an observation with both notes in full, in three-byte characters", async () => {
    const body = JSON.stringify(
      observationInput({ value: "7", noteEn: "€".repeat(4000), noteEs: "€".repeat(4000), attribution: "€".repeat(500) }),
    );
    expect(Buffer.byteLength(body)).toBeGreaterThan(24_000);
    const response = await routes.observations.POST(
      new Request(`http://${TEST_HOST}/api/editor/observations`, { method: "POST", headers: callers.editor.headers, body }),
    );
    expect(response.status).toBe(201);
  });

  it("gives imports their larger, stated limit: a 26 MB import body gets 413 after at most the limit", async () => {
    const before = await fingerprint(database.db);
    const csvStart = (offset: number) =>
      offset === 0 ? new TextEncoder().encode(`{"csv":"${"a".repeat(CHUNK - 8)}`) : new Uint8Array(CHUNK).fill(97);
    const { stream, meter } = meteredBody(26 * 1024 * 1024, csvStart);
    await expectTooLarge(await routes.imports.POST(post("/api/editor/imports", callers.editor, stream)), IMPORT_BODY_LIMIT_BYTES);
    expect(meter.pulled).toBeLessThanOrEqual(IMPORT_BODY_LIMIT_BYTES + 2 * CHUNK);
    expect(await fingerprint(database.db)).toBe(before);
  });

  it("refuses deep nesting inside the import limit (2 MB of brackets) as 400 before parsing it", async () => {
    const body = "[".repeat(1024 * 1024) + "]".repeat(1024 * 1024);
    const response = await routes.imports.POST(
      new Request(`http://${TEST_HOST}/api/editor/imports`, { method: "POST", headers: callers.editor.headers, body }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/nests more than \d+ levels/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  observationInput,
  request,
  type Caller,
  type Callers,
  createRouteTestbed,
  TEST_CSV_HEADER,
  TEST_CSV_MAPPING,
} from "../../testing/editor-fixtures";
import type { TestDatabase } from "../../testing/test-database";
import { ZObservationSnapshot } from "./snapshot";

// Every path that writes a figure records the same snapshot in the change log: the form, an API
// token, an edit, a publication, a correction, a retraction and a CSV import. Parsed strictly, so a
// writer that drops, renames or adds a field fails here.
let database: TestDatabase;
let callers: Callers;
let routes: {
  create: typeof import("@/app/api/editor/observations/route");
  createByToken: typeof import("@/app/api/v1/observations/route");
  update: typeof import("@/app/api/editor/observations/[id]/route");
  publish: typeof import("@/app/api/editor/observations/[id]/publish/route");
  retract: typeof import("@/app/api/editor/observations/[id]/retract/route");
  importCsv: typeof import("@/app/api/editor/imports/route");
};

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  routes = {
    create: await import("@/app/api/editor/observations/route"),
    createByToken: await import("@/app/api/v1/observations/route"),
    update: await import("@/app/api/editor/observations/[id]/route"),
    publish: await import("@/app/api/editor/observations/[id]/publish/route"),
    retract: await import("@/app/api/editor/observations/[id]/retract/route"),
    importCsv: await import("@/app/api/editor/imports/route"),
  };
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function answer(response: Response, status: number) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return ZObservationSnapshot.strict().parse(body.data);
}

const publish = async (by: Caller, id: string, version: number) =>
  answer(await routes.publish.POST(request("POST", `/api/editor/observations/${id}/publish`, by, { version }), params(id)), 200);

describe("the change snapshot", () => {
  it("is what every writer records, before and after, and what the routes answer", async () => {
    const created = await answer(
      await routes.create.POST(request("POST", "/api/editor/observations", callers.editor, observationInput())),
      201,
    );
    const byToken = await answer(
      await routes.createByToken.POST(request("POST", "/api/v1/observations", callers.token, observationInput({ value: "121" }))),
      201,
    );
    const edited = await answer(
      await routes.update.PATCH(
        request("PATCH", `/api/editor/observations/${created.id}`, callers.editor, {
          version: created.version,
          observation: observationInput({ value: "122.50", noteEn: "Edited" }),
        }),
        params(created.id),
      ),
      200,
    );
    const published = await publish(callers.reviewer, edited.id, edited.version);
    const proposal = await answer(
      await routes.update.PATCH(
        request("PATCH", `/api/editor/observations/${published.id}`, callers.editor, {
          version: published.version,
          observation: observationInput({ value: "123", valueMax: "130", qualifier: "about" }),
          reason: "The report was revised.",
        }),
        params(published.id),
      ),
      200,
    );
    const corrected = await publish(callers.reviewer, proposal.id, proposal.version);
    await answer(
      await routes.retract.POST(
        request("POST", `/api/editor/observations/${corrected.id}/retract`, callers.reviewer, {
          version: corrected.version,
          reason: "The source withdrew it.",
        }),
        params(corrected.id),
      ),
      200,
    );
    const csv = [TEST_CSV_HEADER, "test_indicator,7.10,2021,year,Imported NGO,ngo,https://example.org/imported,Imported Outlet"].join("\n");
    const mapping = TEST_CSV_MAPPING;
    const imported = await routes.importCsv.POST(request("POST", "/api/editor/imports", callers.editor, { csv, mapping }));
    expect(imported.status).toBe(201);

    const entries = await database.db.changeEntry.findMany({ where: { entityType: "observation" }, orderBy: { sequence: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.reason === "CSV import"])).toEqual([
      ["observation.created", false],
      ["observation.created", false],
      ["observation.updated", false],
      ["observation.published", false],
      ["observation.correction_proposed", false],
      ["observation.corrected", false],
      ["observation.retracted", false],
      ["observation.created", true],
    ]);
    for (const entry of entries) {
      for (const side of [entry.before, entry.after]) {
        if (side !== null)
          expect(ZObservationSnapshot.strict().safeParse(side).error, `${entry.action}: ${JSON.stringify(side)}`).toBeUndefined();
      }
    }
    expect(entries.at(-1)!.after).toMatchObject({ indicator: "test_indicator", value: "7.1", status: "draft", version: 1 });
    expect(entries[1]!.after).toEqual(byToken);
  });
});

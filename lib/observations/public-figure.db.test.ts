import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouteTestbed, observationInput, request, type Callers } from "@/testing/editor-fixtures";
import type { TestDatabase } from "@/testing/test-database";

let database: TestDatabase;
let callers: Callers;
let figures: typeof import("./public-figure");
let routes: {
  create: typeof import("@/app/api/editor/observations/route");
  update: typeof import("@/app/api/editor/observations/[id]/route");
  publish: typeof import("@/app/api/editor/observations/[id]/publish/route");
};

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  figures = await import("./public-figure");
  routes = {
    create: await import("@/app/api/editor/observations/route"),
    update: await import("@/app/api/editor/observations/[id]/route"),
    publish: await import("@/app/api/editor/observations/[id]/publish/route"),
  };
});
afterAll(() => database.drop());

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function send(response: Promise<Response>, status = 200) {
  const answer = await response;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return (await answer.json()).data as { id: string; version: number };
}

describe("a figure's public page", () => {
  it("shows a published figure with its source's dates and its corrections, and never a draft", async () => {
    const input = observationInput({ source: { url: "https://example.org/r", publisher: "Example", publishedAt: "2024-02-03" } });
    const draft = await send(routes.create.POST(request("POST", "/api/editor/observations", callers.editor, input)), 201);
    expect(await figures.getPublicFigure(draft.id)).toBeNull();

    await send(
      routes.publish.POST(
        request("POST", `/api/editor/observations/${draft.id}/publish`, callers.reviewer, { version: 1 }),
        params(draft.id),
      ),
    );
    const proposal = await send(
      routes.update.PATCH(
        request("PATCH", `/api/editor/observations/${draft.id}`, callers.editor, {
          version: 2,
          observation: { ...input, value: "125" },
          reason: "The source's table gives 125.",
        }),
        params(draft.id),
      ),
    );
    // The correction draft is a row of its own until published: it has no public page.
    const correctionId = proposal.id;
    expect(correctionId).not.toBe(draft.id);
    expect(await figures.getPublicFigure(correctionId)).toBeNull();
    expect((await figures.getPublicFigure(draft.id))?.value).toBe("120");

    const correction = correctionId ?? draft.id;
    const version = (await database.db.observation.findUniqueOrThrow({ where: { id: correction } })).version;
    await send(
      routes.publish.POST(
        request("POST", `/api/editor/observations/${correction}/publish`, callers.reviewer, { version }),
        params(correction),
      ),
    );

    const figure = await figures.getPublicFigure(draft.id);
    expect(figure).toMatchObject({
      id: draft.id,
      value: "125",
      status: "published",
      indicator: { slug: "test_indicator", nameEs: "Prueba", nameEn: "Test" },
      source: { url: "https://example.org/r", publishedAt: "2024-02-03" },
    });
    const history = await figures.listPublicFigureHistory(draft.id);
    expect(history.map((change) => change.action)).toEqual(["observation.published", "observation.corrected"]);
    expect(history[1]).toMatchObject({ reason: "The source's table gives 125.", before: { value: "120" }, after: { value: "125" } });
    // Superseded once applied: still no page of its own.
    expect(await figures.getPublicFigure(correctionId)).toBeNull();
  });
});

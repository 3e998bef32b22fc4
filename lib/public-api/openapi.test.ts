import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import handWritten from "@/testing/fixtures/openapi-v1.json";
import { openApiDocument } from "./openapi";

type Schema = { [keyword: string]: unknown };
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const root = path.resolve(import.meta.dirname, "../..");

/** Without the given keywords, at any depth. */
function without(schema: unknown, keywords: string[]): unknown {
  if (Array.isArray(schema)) return schema.map((item) => without(item, keywords));
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => !keywords.includes(keyword))
      .map(([keyword, value]) => [keyword, without(value, keywords)]),
  );
}

// testing/fixtures/openapi-v1.json is the document as it was written by hand before it was generated.
// Key order is cosmetic (toEqual ignores it); every other difference is one of those below, each
// checked for what it is and then set aside.
describe("the generated OpenAPI document", () => {
  it("is the hand-written one, apart from what the routes always checked and it did not say", () => {
    const generated = clone(openApiDocument) as unknown as typeof handWritten;
    const expected = clone(handWritten);

    // `since` is described as the route parses it, an ISO-8601 date-time with offset or a date;
    // the hand-written document said only "string".
    const since = (document: typeof handWritten) => document.paths["/api/v1/changes"].get.parameters[0]!;
    expect(since(expected).schema).toEqual({ type: "string" });
    expect((since(generated).schema as unknown as { anyOf: Schema[] }).anyOf.map((branch) => [branch.type, branch.format])).toEqual([
      ["string", "date-time"],
      ["string", "date"],
    ]);
    since(generated).schema = since(expected).schema;

    // ObservationInput is generated from ZObservationInput, which the route parses the body with, so it
    // now states the bounds the route always enforced (lengths, the decimal and date patterns, an http(s)
    // URL), the default qualifier, the optional attribution, and the producer as the input it is (a named
    // type with a bounded name) rather than a reference to the answers' Producer.
    const added = ["pattern", "minLength", "maxLength", "format", "default"];
    const input = generated.components.schemas.ObservationInput as Schema & { properties: Record<string, Schema> };
    expect(input.properties.qualifier!.default).toBe("exact");
    expect(input.properties.attribution).toEqual({ type: ["string", "null"], maxLength: 500 });
    delete input.properties.attribution;
    expect(without(input.properties.producer, added)).toEqual({
      type: "object",
      required: ["name", "type"],
      properties: { name: { type: "string" }, type: expected.components.schemas.Producer.properties.type },
    });
    input.properties.producer = { $ref: "#/components/schemas/Producer" };
    generated.components.schemas.ObservationInput = without(input, added) as typeof expected.components.schemas.ObservationInput;
    expected.components.schemas.ObservationInput = without(
      expected.components.schemas.ObservationInput,
      added,
    ) as typeof expected.components.schemas.ObservationInput;

    // Events gained, after the hand-written document, the date note in both languages and the
    // indicators each event concerns (or all of them); nothing else about an event changed.
    const event = generated.components.schemas.Event as unknown as Schema & { properties: Record<string, Schema>; required: string[] };
    expect(event.properties.dateNotes).toMatchObject({
      type: "object",
      required: ["es", "en"],
      properties: { es: { type: ["string", "null"] }, en: { type: ["string", "null"] } },
    });
    expect(event.properties.appliesToAll).toMatchObject({ type: "boolean" });
    expect(event.properties.indicators).toMatchObject({ type: "array", items: { type: "string" } });
    for (const field of ["dateNotes", "appliesToAll", "indicators"]) {
      expect(event.required).toContain(field);
      delete event.properties[field];
    }
    event.required = event.required.filter((field) => !["dateNotes", "appliesToAll", "indicators"].includes(field));

    // The events gained ?indicator=<slug> after the hand-written document: an indicator's events and
    // those that concern every indicator.
    const eventsOperation = generated.paths["/api/v1/events"].get;
    expect(eventsOperation.parameters.find((parameter) => parameter.name === "indicator")).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "string", maxLength: 100, pattern: "^[a-z0-9_]+$" },
    });
    eventsOperation.parameters = eventsOperation.parameters.filter((parameter) => parameter.name !== "indicator");

    // An indicator's figures gained ?sources=firsthand (the page's source filter, kept by its downloads).
    const observationsOperation = generated.paths["/api/v1/indicators/{slug}/observations"].get;
    expect(observationsOperation.parameters.find((parameter) => parameter.name === "sources")).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "string", enum: ["all", "firsthand"] },
    });
    observationsOperation.parameters = observationsOperation.parameters.filter((parameter) => parameter.name !== "sources");

    // The chart's series (for its explorer) came after the hand-written document; its own test checks its answers.
    const paths = generated.paths as Record<string, unknown>;
    expect(paths["/api/v1/indicators/{slug}/chart-series"]).toBeDefined();
    delete paths["/api/v1/indicators/{slug}/chart-series"];

    expect(generated).toEqual(expected);
  });

  it("describes every route under app/api/v1, and only those", () => {
    const routes = readdirSync(path.join(root, "app/api/v1"), { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => {
        const source = readFileSync(path.join(root, "app/api/v1", file), "utf8");
        const methods = [...source.matchAll(/^export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]!);
        const address = `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
        return [address, methods.map((method) => method.toLowerCase()).sort()] as const;
      })
      // The document does not list itself; the API page links to it.
      .filter(([address]) => address !== "/api/v1/openapi.json");
    const documented = Object.entries(openApiDocument.paths).map(
      ([address, operations]) => [address, Object.keys(operations).sort()] as const,
    );
    expect(routes.length).toBeGreaterThan(5);
    expect(Object.fromEntries(routes)).toEqual(Object.fromEntries(documented));
  });

  it("names only components it defines", () => {
    const references = [...JSON.stringify(openApiDocument).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const name of new Set(references)) expect(openApiDocument.components.schemas).toHaveProperty(name);
  });
});

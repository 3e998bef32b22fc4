import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ENTITIES } from "./entities";
import { collectErrors, initialValues, readForm, toFormRecord, toFormValues, toInput } from "./form-values";

// A record read for editing must come back from the form unchanged, or saving an untouched form would edit it.
const records = {
  source: { url: "https://elfaro.net/a", publisher: "El Faro", publishedAt: null, archivedUrl: null, sourceClass: "press" },
  producer: { name: "Cristosal", type: "ngo" },
  framing: {
    indicatorSlug: "homicide_rate",
    producer: { name: "Cristosal", type: "ngo" },
    sourceUrl: "https://cristosal.org/b",
    summaryEs: "Dice",
    summaryEn: "Says",
  },
  event: {
    kind: "renewal",
    startsOn: "2022-04-27",
    endsOn: "2022-05-26",
    datePrecision: "day",
    dateNote: null,
    dateNoteEs: "Fecha de la publicación.",
    titleEs: "Prórroga",
    titleEn: "Renewal",
    sourceUrl: "https://asamblea.gob.sv/c",
    appliesToAll: false,
    indicatorSlugs: ["soe_arrests_cumulative", "soe_extensions_count"],
  },
  indicator: {
    slug: "homicide_rate",
    nameEs: "Tasa de homicidios",
    nameEn: "Homicide rate",
    descriptionEs: "d",
    descriptionEn: "d",
    unit: "per 100,000",
    unitEs: "por cada 100 000",
    theme: "homicides_violence",
    valueKind: "yearly_rate",
  },
} as const;

// Every field the schema accepts, as dotted paths ("producer.name").
const leafPaths = (schema: z.ZodType, prefix = ""): string[] =>
  schema instanceof z.ZodObject
    ? Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) => leafPaths(child, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe("reference form values", () => {
  for (const [name, { fields, schema }] of Object.entries(ENTITIES)) {
    it(`the ${name} form has a field for everything its schema accepts`, () => {
      expect(fields.map((field) => field.name).sort()).toEqual(leafPaths(schema).sort());
    });
  }

  for (const [name, record] of Object.entries(records) as [keyof typeof records, unknown][]) {
    it(`round-trips a ${name} through its form unchanged`, () => {
      const { fields, schema } = ENTITIES[name];
      const values = toFormValues(fields, record);
      expect(Object.keys(values)).toEqual(fields.map((field) => field.name));
      expect(schema.parse(toInput(fields, values))).toEqual(record);
    });
  }

  it("sends an emptied optional field as null and keeps an emptied required one for the schema to refuse", () => {
    const { fields, schema } = ENTITIES.source;
    const input = toInput(fields, { url: "https://a.org", publisher: "  ", publishedAt: "", archivedUrl: " ", sourceClass: "primary" });
    expect(input).toEqual({ url: "https://a.org", publisher: "  ", publishedAt: null, archivedUrl: null, sourceClass: "primary" });
    expect(schema.safeParse(input).error?.issues.map((issue) => issue.path.join("."))).toEqual(["publisher"]);
  });

  it("keeps the version a record was read at beside its fields, for the edit to send back", () => {
    const record = toFormRecord(ENTITIES.producer.fields, { id: "p1", version: 7, values: records.producer });
    expect(record).toEqual({ id: "p1", version: 7, values: { name: "Cristosal", type: "ngo" } });
  });

  it("starts a new record from each field's initial value", () => {
    expect(initialValues(ENTITIES.event.fields)).toMatchObject({ kind: "decree", datePrecision: "day", titleEn: "" });
  });

  it("reads nested fields from the submitted form by their schema path", () => {
    const data = new FormData();
    data.set("producer.name", "HRW");
    expect(readForm(ENTITIES.framing.fields, data)).toMatchObject({ "producer.name": "HRW", summaryEn: "" });
  });

  it("reads every chosen indicator of an event and whether it concerns all", () => {
    const data = new FormData();
    data.append("indicatorSlugs", "homicide_rate");
    data.append("indicatorSlugs", "homicides_total");
    data.set("appliesToAll", "true");
    const values = readForm(ENTITIES.event.fields, data);
    expect(toInput(ENTITIES.event.fields, values)).toMatchObject({
      indicatorSlugs: ["homicide_rate", "homicides_total"],
      appliesToAll: true,
    });
    expect(toInput(ENTITIES.event.fields, readForm(ENTITIES.event.fields, new FormData()))).toMatchObject({
      indicatorSlugs: [],
      appliesToAll: false,
    });
  });

  it("files the server's messages under the form's fields, in the page's language where it has words", () => {
    const errors = collectErrors(
      [
        { path: "data.publisher", message: "Name the publisher or outlet." },
        { path: "data.publisher", message: "Too long." },
        { path: "url", message: "Give a web address (http or https)." },
      ],
      { url: "Indica una dirección web (http o https)." },
    );
    expect(errors).toEqual({ publisher: "Name the publisher or outlet.", url: "Indica una dirección web (http o https)." });
  });
});

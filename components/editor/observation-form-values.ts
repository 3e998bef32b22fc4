import type { EditorFigure } from "@/lib/observations/shapes";
import type { TObservationInput } from "@/lib/schemas/observation";
import type { FigureSnapshot } from "./api";

// The observation form holds every field as text, keyed by the same path zod reports errors under,
// so an issue at "source.url" lands next to the input named "source.url".

export const OBSERVATION_FIELDS = [
  "indicatorSlug",
  "value",
  "valueMax",
  "qualifier",
  "asOf",
  "datePrecision",
  "producer.name",
  "producer.type",
  "source.url",
  "source.publisher",
  "source.publishedAt",
  "attribution",
  "noteEn",
  "noteEs",
] as const;
export type ObservationField = (typeof OBSERVATION_FIELDS)[number];
export type ObservationFormValues = Record<ObservationField, string>;

export const EMPTY_OBSERVATION: ObservationFormValues = {
  indicatorSlug: "",
  value: "",
  valueMax: "",
  qualifier: "exact",
  asOf: "",
  datePrecision: "year",
  "producer.name": "",
  // No default: a figure of an NGO must never go out as official because nobody changed the type.
  "producer.type": "",
  "source.url": "",
  "source.publisher": "",
  "source.publishedAt": "",
  attribution: "",
  noteEn: "",
  noteEs: "",
};

type StoredFigure = Pick<
  EditorFigure,
  "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision" | "producer" | "attribution" | "noteEn" | "noteEs"
> & {
  source: Pick<EditorFigure["source"], "url" | "publisher" | "publishedAt">;
};

/** A stored figure (from the page, or from a 409's `details.current`) as form text. */
export function toFormValues(figure: StoredFigure & { indicatorSlug: string }): ObservationFormValues {
  return {
    indicatorSlug: figure.indicatorSlug,
    value: figure.value,
    valueMax: figure.valueMax ?? "",
    qualifier: figure.qualifier,
    asOf: figure.asOf,
    datePrecision: figure.datePrecision,
    "producer.name": figure.producer.name,
    "producer.type": figure.producer.type,
    "source.url": figure.source.url,
    "source.publisher": figure.source.publisher ?? "",
    "source.publishedAt": figure.source.publishedAt ?? "",
    attribution: figure.attribution,
    noteEn: figure.noteEn ?? "",
    noteEs: figure.noteEs ?? "",
  };
}

export const snapshotToFormValues = (snapshot: FigureSnapshot) => toFormValues({ ...snapshot, indicatorSlug: snapshot.indicator });

const orNull = (text: string) => (text.trim() === "" ? null : text);

/** Form text in the shape ZObservationInput parses; empty optional fields become null. */
export function toObservationInput(values: ObservationFormValues): Record<keyof TObservationInput, unknown> {
  return {
    indicatorSlug: values.indicatorSlug,
    value: values.value,
    valueMax: orNull(values.valueMax),
    qualifier: values.qualifier,
    asOf: values.asOf,
    datePrecision: values.datePrecision,
    producer: { name: values["producer.name"], type: values["producer.type"] },
    source: { url: values["source.url"].trim(), publisher: values["source.publisher"], publishedAt: orNull(values["source.publishedAt"]) },
    attribution: orNull(values.attribution),
    noteEn: orNull(values.noteEn),
    noteEs: orNull(values.noteEs),
  };
}

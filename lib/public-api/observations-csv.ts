import { IMPORT_FIELDS, type ImportField } from "../csv-import/fields";
import type { ApiObservation } from "../observations/shapes";
import { csvHeader, csvRows } from "./csv";
import { decimalTextOf, type ExactNumber } from "./json";

const decimalText = (value: ExactNumber | null) => (value === null ? "" : decimalTextOf(value));

// A download's figure columns are the import template's, in its order, so a downloaded file maps
// onto an import column for column; a new import field does not compile until its cell is written here.
const FIGURE_CELLS: Record<ImportField, (o: ApiObservation) => string> = {
  indicator: (o) => o.indicator,
  value: (o) => decimalText(o.value),
  valueMax: (o) => decimalText(o.valueMax),
  qualifier: (o) => o.qualifier,
  asOf: (o) => o.asOf,
  datePrecision: (o) => o.datePrecision,
  producer: (o) => o.producer.name,
  producerType: (o) => o.producer.type,
  sourceUrl: (o) => o.source.url,
  publisher: (o) => o.source.publisher ?? "",
  publishedAt: (o) => o.source.publishedAt ?? "",
  attribution: (o) => o.attribution,
  noteEn: (o) => o.note.en ?? "",
  noteEs: (o) => o.note.es ?? "",
};

const COLUMNS = ["id", ...IMPORT_FIELDS, "status", "version", "updatedAt", "citation"];

export const observationsCsvHeader = () => csvHeader(COLUMNS);

/** Every row carries its source and a citation line, so a row copied alone is still traceable. */
export function observationsCsvRows(
  indicatorName: string,
  observations: ApiObservation[],
  accessed = new Date().toISOString().slice(0, 10),
): string {
  return csvRows(
    observations.map((o) => [
      o.id,
      ...IMPORT_FIELDS.map((field) => FIGURE_CELLS[field](o)),
      o.status,
      o.version,
      o.updatedAt,
      `${o.attribution}. "${indicatorName}", ${o.asOf}. ${o.source.url} (accessed ${accessed} via Contraste)`,
    ]),
  );
}

export const observationsCsv = (indicatorName: string, observations: ApiObservation[]): string =>
  observationsCsvHeader() + observationsCsvRows(indicatorName, observations);

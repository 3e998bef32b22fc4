import { csvHeader, csvRows } from "./csv";
import type { ApiObservation } from "../observations/shapes";

const COLUMNS = [
  "id",
  "indicator",
  "value",
  "valueMax",
  "qualifier",
  "asOf",
  "datePrecision",
  "producer",
  "producerType",
  "sourceUrl",
  "publisher",
  "publishedAt",
  "attribution",
  "noteEn",
  "noteEs",
  "status",
  "version",
  "updatedAt",
  "citation",
];

const decimalText = (marked: string | null) => (marked === null ? "" : marked.replace("\u0000decimal:", ""));

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
      o.indicator,
      decimalText(o.value),
      decimalText(o.valueMax),
      o.qualifier,
      o.asOf,
      o.datePrecision,
      o.producer.name,
      o.producer.type,
      o.source.url,
      o.source.publisher ?? "",
      o.source.publishedAt ?? "",
      o.attribution,
      o.note.en ?? "",
      o.note.es ?? "",
      o.status,
      o.version,
      o.updatedAt,
      `${o.attribution}. "${indicatorName}", ${o.asOf}. ${o.source.url} (accessed ${accessed} via Contraste)`,
    ]),
  );
}

export const observationsCsv = (indicatorName: string, observations: ApiObservation[]): string =>
  observationsCsvHeader() + observationsCsvRows(indicatorName, observations);

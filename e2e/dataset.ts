import { readFileSync } from "node:fs";

export type FileObservation = {
  indicator: string;
  date: string;
  value: number;
  valueMax?: number;
  sourceType: string;
  sourceUrl: string;
  publisher: string;
};

// The journeys check the page against the sourced file itself, not against copied numbers.
export const dataset = JSON.parse(readFileSync("prisma/data/el-salvador-indicators.json", "utf8")) as {
  indicators: { slug: string; name_en: string; name_es: string }[];
  observations: FileObservation[];
};

export const observationsOf = (slug: string) => dataset.observations.filter((o) => o.indicator === slug);

const INTL = { en: "en-GB", es: "es-ES" } as const;
export const formatted = (value: number, locale: "en" | "es" = "en") =>
  new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 10 }).format(value);

export const allSourceUrls = new Set(dataset.observations.map((o) => o.sourceUrl));

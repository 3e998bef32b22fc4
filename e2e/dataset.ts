import { readFileSync } from "node:fs";

export type FileObservation = {
  indicator: string;
  value: number;
  sourceType: string;
  sourceUrl: string;
  publisher: string;
};

// The journeys check the page against the sourced file itself, not against copied numbers.
export const dataset = JSON.parse(readFileSync("prisma/data/el-salvador-indicators.json", "utf8")) as {
  indicators: { slug: string; name_en: string }[];
  observations: FileObservation[];
};

export const observationsOf = (slug: string) => dataset.observations.filter((o) => o.indicator === slug);

export const formatted = (value: number) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10 }).format(value);

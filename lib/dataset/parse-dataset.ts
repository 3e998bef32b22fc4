import type { z } from "zod";
import { ZCuration, ZDataset, type TCuration, type TDataset } from "./schema";

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset was not loaded; nothing was written.\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "DatasetError";
  }
}

// Names a record the way a person editing the JSON file would look for it.
function describeRecord(raw: unknown, path: PropertyKey[]): string {
  const [collection, index] = path;
  if (typeof collection !== "string" || typeof index !== "number") return String(collection ?? "file");
  const list = (raw as Record<string, unknown>)?.[collection];
  const record = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  const label = [record?.slug, record?.indicator, record?.date, record?.publisher ?? record?.title_en]
    .filter((part) => typeof part === "string")
    .join(", ");
  return `${collection}[${index}]${label ? ` (${label})` : ""}`;
}

function describeIssues(raw: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.slice(2).join(".") || issue.path.join(".");
    return `${describeRecord(raw, issue.path)} field "${field}": ${issue.message}`;
  });
}

export function parseDataset(rawDataset: unknown, rawCuration: unknown): { dataset: TDataset; curation: TCuration } {
  const datasetResult = ZDataset.safeParse(rawDataset);
  if (!datasetResult.success) throw new DatasetError(describeIssues(rawDataset, datasetResult.error));
  const curationResult = ZCuration.safeParse(rawCuration);
  if (!curationResult.success) throw new DatasetError(describeIssues(rawCuration, curationResult.error).map((p) => `curation ${p}`));

  const dataset = datasetResult.data;
  const curation = curationResult.data;
  const problems: string[] = [];
  const classified = new Set(curation.indicators.map((entry) => entry.slug));
  dataset.indicators.forEach((indicator, index) => {
    if (!classified.has(indicator.slug)) {
      problems.push(`indicators[${index}] (${indicator.slug}) has no theme and value kind in the curation file`);
    }
  });
  const curatedEvents = new Map(curation.events.map((entry) => [`${entry.date}|${entry.title_en}`, entry]));
  dataset.events.forEach((event, index) => {
    const curated = curatedEvents.get(`${event.date}|${event.title_en}`);
    if (!curated) {
      problems.push(`events[${index}] (${event.date}, ${event.title_en}) has no kind in the curation file`);
    } else if (Boolean(curated.dateNote_es) !== Boolean(event.dateNote)) {
      problems.push(`events[${index}] (${event.date}, ${event.title_en}) needs its date note in both languages, or in neither`);
    }
  });
  curation.events.forEach((entry, index) => {
    if (entry.indicators === "all") return;
    for (const slug of entry.indicators) {
      if (!classified.has(slug))
        problems.push(`curation events[${index}] (${entry.date}, ${entry.title_en}) names unknown indicator "${slug}"`);
    }
  });
  if (problems.length) throw new DatasetError(problems);
  return { dataset, curation };
}

import { z } from "zod";
import type { SourceClass } from "../schemas/enums";
import { DatasetError } from "./parse-dataset";
import type { TDataset } from "./schema";
import { eventSeedKey, observationSeedKey } from "./to-records";

// A source audit (prisma/data/el-salvador-source-audit-*.json) says, record by record, what changed
// in the dataset's sources and why. The upgrade of a seeded database reads it twice: to find the
// stored figure a changed record was seeded as (its former seed key, from the old source), and to
// write the reason readers see on the change log.

const ZSourceRef = z.object({ publisher: z.string().nullable(), sourceUrl: z.url() });

export const ZAuditEntry = z.object({
  kind: z.enum(["observation", "event"]),
  key: z.union([
    z.object({ indicator: z.string(), date: z.string(), value: z.number(), publisher: z.string() }),
    z.object({ date: z.string(), title: z.string() }),
  ]),
  action: z.enum(["replace-source", "clean-url", "keep-weak", "remove"]),
  old: ZSourceRef,
  new: ZSourceRef.extend({ publishedAt: z.string().nullable() }).optional(),
  fieldChanges: z.record(z.string(), z.unknown()).optional(),
  evidence: z.string(),
  reason: z.string().min(1),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export type SourceAudit = {
  /** "Source audit 2026-12": how each reason starts. */
  label: string;
  entries: TAuditEntry[];
};

/** Validates an audit file; its label comes from the month in the file's name. */
export function parseSourceAudit(raw: unknown, fileName: string): SourceAudit {
  const parsed = z.array(ZAuditEntry).safeParse(raw);
  if (!parsed.success)
    throw new DatasetError(parsed.error.issues.map((issue) => `source audit [${issue.path.join(".")}]: ${issue.message}`));
  const month = /(\d{4}-\d{2})\.json$/.exec(fileName)?.[1];
  return { label: month ? `Source audit ${month}` : "Source audit", entries: parsed.data };
}

const isObservationKey = (key: TAuditEntry["key"]): key is Extract<TAuditEntry["key"], { indicator: string }> => "indicator" in key;

/** Where the record reads its source now: the new reference, or the old one where the audit kept it. */
const currentSource = (entry: TAuditEntry) => entry.new ?? entry.old;

export type AuditedObservation = { entry: TAuditEntry; formerSeedKey: string | null };

export type AuditIndex = {
  /** By the dataset record's seed key: the audit entry, and the key its figure was seeded with before. */
  observations: Map<string, AuditedObservation>;
  events: Map<string, TAuditEntry>;
  /** Figures the audit took out of the dataset. */
  removed: TAuditEntry[];
};

/**
 * Links every audit entry to the dataset record it describes (by indicator, date, value and the
 * source it now cites; an event by date and title). An entry that names no record is a mistake in
 * the files and stops the seed.
 */
export function indexAudit(dataset: TDataset, audit: SourceAudit): AuditIndex {
  const index: AuditIndex = { observations: new Map(), events: new Map(), removed: [] };
  const problems: string[] = [];
  audit.entries.forEach((entry, position) => {
    const { key } = entry;
    if (entry.action === "remove") {
      index.removed.push(entry);
      return;
    }
    const source = currentSource(entry);
    if (entry.kind === "event") {
      const record = dataset.events.find(
        (event) =>
          !isObservationKey(key) && event.date === key.date && event.title_en === key.title && event.sourceUrl === source.sourceUrl,
      );
      if (record) index.events.set(eventSeedKey(record), entry);
      else
        problems.push(
          `source audit [${position}]: no event of ${key.date} titled "${"title" in key ? key.title : ""}" cites ${source.sourceUrl}`,
        );
      return;
    }
    if (!isObservationKey(key)) {
      problems.push(`source audit [${position}]: an observation entry names an indicator, a date, a value and a publisher`);
      return;
    }
    const record = dataset.observations.find(
      (observation) =>
        observation.indicator === key.indicator &&
        observation.date === key.date &&
        observation.value === key.value &&
        observation.sourceUrl === source.sourceUrl &&
        observation.publisher === source.publisher,
    );
    if (!record) {
      problems.push(`source audit [${position}]: no ${key.indicator} figure of ${key.date} (${key.value}) cites ${source.sourceUrl}`);
      return;
    }
    const moved = entry.new && (entry.new.sourceUrl !== entry.old.sourceUrl || entry.new.publisher !== entry.old.publisher);
    index.observations.set(observationSeedKey(record), {
      entry,
      formerSeedKey: moved ? observationSeedKey({ ...record, sourceUrl: entry.old.sourceUrl, publisher: entry.old.publisher ?? "" }) : null,
    });
  });
  if (problems.length) throw new DatasetError(problems);
  return index;
}

/** Does a stored figure (its indicator, value, attribution and source address) match what a "remove" entry took out? */
export const isRemovedBy = (entry: TAuditEntry, figure: { indicator: string; value: number; attribution: string; sourceUrl: string }) =>
  isObservationKey(entry.key) &&
  entry.key.indicator === figure.indicator &&
  entry.key.value === figure.value &&
  entry.old.publisher === figure.attribution &&
  entry.old.sourceUrl === figure.sourceUrl;

const withoutQuery = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
};

const REPLACED_BY: Record<SourceClass, string> = {
  primary: "source replaced by the producer's own report or page",
  press: "source replaced by an established newsroom's report",
  secondary: "source replaced by another republication",
};

const fieldChange = (entry: TAuditEntry, field: string) => {
  const change = entry.fieldChanges?.[field];
  return change && typeof change === "object" && "old" in change && "new" in change ? (change as { old: unknown; new: unknown }) : null;
};

/**
 * The reason a correction carries, in the words readers see on the change log: what the audit did
 * (a replaced source, named by the class of the new one; a cleaned address; a caveat; a corrected
 * producer type), then the audit's own reason.
 */
export function auditReason(label: string, entry: TAuditEntry, newSourceClass: SourceClass | null): string {
  const what: string[] = [];
  if (entry.action === "remove") what.push("figure removed from the dataset");
  if (entry.action === "replace-source") what.push(REPLACED_BY[newSourceClass ?? "secondary"]);
  if (entry.new && entry.new.sourceUrl !== entry.old.sourceUrl && entry.action !== "replace-source")
    what.push(
      withoutQuery(entry.new.sourceUrl) === withoutQuery(entry.old.sourceUrl)
        ? "tracking parameters removed from the source address"
        : "source address corrected",
    );
  if (entry.new && entry.new.publisher !== entry.old.publisher && entry.action === "keep-weak" && entry.kind === "observation")
    what.push("attribution completed");
  if (entry.fieldChanges && "note" in entry.fieldChanges) what.push("caveat added: no stronger source found");
  const producerType = fieldChange(entry, "sourceType");
  if (producerType) what.push(`producer type corrected (${String(producerType.old)} → ${String(producerType.new)})`);
  if (entry.fieldChanges && "dateNote" in entry.fieldChanges) what.push("date note updated");
  if (!what.length) what.push("source reviewed");
  return `${label}: ${what.join("; ")} — ${entry.reason}`;
}

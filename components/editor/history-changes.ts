import { z } from "zod";
import { ZObservationSnapshot, type ObservationSnapshot } from "@/lib/observations/snapshot";

// The change log stores whole snapshots before and after; the history shows only what differs.
// Stored entries are read as records, not parsed with the snapshot schema, so an entry written before
// a field existed still shows the fields it has. A created entry has no before and lists nothing:
// that is also why imports recorded before they wrote snapshots (the file's row) read the same.

/** Every field of a figure's snapshot a reader recognises: all but its id and version counter. */
export type HistoryField = Exclude<keyof ObservationSnapshot, "id" | "version">;
const isHistoryField = (key: keyof ObservationSnapshot): key is HistoryField => key !== "id" && key !== "version";
export const HISTORY_FIELDS: readonly HistoryField[] = ZObservationSnapshot.keyof().options.filter(isHistoryField);

export type FieldChange = { field: HistoryField; before: string | null; after: string | null };

const ZSnapshotJson = z.record(z.string(), z.unknown());

/** The reader's words for the enumerations a snapshot holds; without them, the stored values are shown. */
export type HistoryWords = {
  status: (value: string) => string;
  qualifier: (value: string) => string;
  datePrecision: (value: string) => string;
  producerType: (value: string) => string;
};

const AS_STORED: HistoryWords = { status: String, qualifier: String, datePrecision: String, producerType: String };

/** Fields whose values are data as entered (names, addresses, notes, numbers), not words of the interface. */
export const DATA_FIELDS: ReadonlySet<HistoryField> = new Set<HistoryField>([
  "indicator",
  "value",
  "valueMax",
  "asOf",
  "producer",
  "source",
  "attribution",
  "noteEn",
  "noteEs",
]);

function asText(field: HistoryField, value: unknown, words: HistoryWords): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (field === "status" || field === "qualifier" || field === "datePrecision") return words[field](String(value));
  if (typeof value !== "object") return String(value);
  const record = value as Record<string, unknown>;
  // Producer { name, type } and source { url, publisher, publishedAt }: the parts a reviewer recognises.
  if ("name" in record) return `${String(record.name)} (${words.producerType(String(record.type))})`;
  if ("url" in record) return [record.publisher, record.url, record.publishedAt].filter(Boolean).join(", ");
  return JSON.stringify(value);
}

/** Fields whose shown text differs between two stored snapshots; nothing when either is missing or malformed. */
export function changedFields(before: unknown, after: unknown, words: HistoryWords = AS_STORED): FieldChange[] {
  const old = ZSnapshotJson.safeParse(before);
  const now = ZSnapshotJson.safeParse(after);
  if (!old.success || !now.success) return [];
  return HISTORY_FIELDS.map((field) => ({
    field,
    before: asText(field, old.data[field], words),
    after: asText(field, now.data[field], words),
  })).filter((change) => change.before !== change.after);
}

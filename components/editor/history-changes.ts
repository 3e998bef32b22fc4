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

function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object") return String(value);
  const record = value as Record<string, unknown>;
  // Producer { name, type } and source { url, publisher, publishedAt }: the parts a reviewer recognises.
  if ("name" in record) return `${String(record.name)} (${String(record.type)})`;
  if ("url" in record) return [record.publisher, record.url, record.publishedAt].filter(Boolean).join(", ");
  return JSON.stringify(value);
}

/** Fields whose shown text differs between two stored snapshots; nothing when either is missing or malformed. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const old = ZSnapshotJson.safeParse(before);
  const now = ZSnapshotJson.safeParse(after);
  if (!old.success || !now.success) return [];
  return HISTORY_FIELDS.map((field) => ({ field, before: asText(old.data[field]), after: asText(now.data[field]) })).filter(
    (change) => change.before !== change.after,
  );
}

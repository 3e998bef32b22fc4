import type { VersionedKey } from "../db/optimistic-lock";
import type { Prisma } from "../generated/prisma/client";
import type { ReferenceEntity, ReferenceInput } from "../schemas/reference";
import { isStorableText } from "../schemas/storable-text";

// What every kind of reference record (source, producer, indicator, framing, event) shares: the
// shape its edit form loads, and how applying a proposal writes it. Each entity's module (lib/sources,
// lib/indicators, lib/events) fills these in; lib/reference/ proposes and applies changes through them.

export type Tx = Prisma.TransactionClient;

/** A record as its edit form loads it; its version goes back with the edit (a stale one is a 409). */
export type EditableRecord<Values> = { id: string; version: number; values: Values };

/** Reads one record in its edit form's shape, inside the caller's transaction when one is given. */
export type RecordLoader<Values> = (client: Tx, id: string) => Promise<EditableRecord<Values> | null>;

/**
 * A loader from a lookup by id and the mapper of the row to its form's values. The id comes from a
 * page address: text PostgreSQL cannot hold (a NUL) finds nothing rather than failing with an error.
 */
export function editableRecordLoader<Row extends VersionedKey, Values>(
  find: (client: Tx, id: string) => Promise<Row | null>,
  toValues: (fields: Omit<Row, keyof VersionedKey>) => Values,
): RecordLoader<Values> {
  return async (client, id) => {
    if (!isStorableText(id)) return null;
    const row = await find(client, id);
    if (!row) return null;
    const { id: rowId, version, ...fields } = row;
    return { id: rowId, version, values: toValues(fields) };
  };
}

/** How applying a proposal writes one kind of record. */
export type ReferenceWriter<Entity extends ReferenceEntity> = {
  /** Writes the edit if the record is still at the version the proposal saw; otherwise throws `stale()`. */
  update: (tx: Tx, key: VersionedKey, input: ReferenceInput<Entity>, stale: () => Error) => Promise<void>;
  create?: (tx: Tx, input: ReferenceInput<Entity>) => Promise<{ id: string }>;
  /** A value another record already holds, found before anything is stored (a 409 naming the field). */
  duplicate?: (tx: Tx, id: string | null, input: ReferenceInput<Entity>) => Promise<string | null>;
  /** Refuses, when it is proposed, what could never be applied (a framing of an unknown indicator). */
  check?: (tx: Tx, input: ReferenceInput<Entity>) => Promise<void>;
};

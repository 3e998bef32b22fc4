// Optimistic locking, one way for figures and reference records: each row carries an integer
// `version` that every write moves on by one. A writer names the version it read; if the row has
// moved on since, nothing is written and the writer gets a 409 with the row as it stands.

/** A write's data: it moves the row to its next version. */
export const NEXT_VERSION = { version: { increment: 1 } } as const;

/** The version a writer read, for the row it means to change. */
export type VersionedKey = { id: string; version: number };

type VersionedTable<Data> = {
  updateMany(args: { where: VersionedKey; data: Data & typeof NEXT_VERSION }): PromiseLike<{ count: number }>;
};

/**
 * Updates the row where its id and version still match and moves it to the next version; otherwise
 * writes nothing and throws `stale()` (the 409 that shows the row as it stands now).
 */
export async function updateAtVersion<Data extends object>(
  table: VersionedTable<NoInfer<Data>>,
  key: VersionedKey,
  data: Data,
  stale: () => Error | Promise<Error>,
): Promise<void> {
  const { count } = await table.updateMany({ where: { id: key.id, version: key.version }, data: { ...data, ...NEXT_VERSION } });
  if (count !== 1) throw await stale();
}

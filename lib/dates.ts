// Calendar days travel as "YYYY-MM-DD" strings and are stored as UTC midnights; these keep the
// two in step everywhere.

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const isoDayOrNull = (date: Date | null | undefined): string | null => (date ? isoDay(date) : null);

export const fromIsoDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * "2024-02-30" has the right shape but is no day: JavaScript would roll it into March. Nor is
 * "0000-01-01": PostgreSQL has no year 0 and would refuse it with an error instead of a 400.
 */
export function isRealIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text.startsWith("0000")) return false;
  const date = fromIsoDay(text);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

/** A moment PostgreSQL can store (years 1 to 9999 here): "0001-01-01T00:00:00+01:00" falls in year 0. */
export const isStorableMoment = (text: string): boolean => {
  const year = new Date(text).getUTCFullYear();
  return year >= 1 && year <= 9999;
};

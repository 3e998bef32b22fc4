// Calendar days travel as "YYYY-MM-DD" strings and are stored as UTC midnights; these keep the
// two in step everywhere.

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const isoDayOrNull = (date: Date | null | undefined): string | null => (date ? isoDay(date) : null);

export const fromIsoDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** "2024-02-30" has the right shape but is no day: JavaScript would roll it into March. */
export function isRealIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = fromIsoDay(text);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

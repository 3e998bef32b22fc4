import type { PublicObservation } from "./types";
import { isoDay, fromIsoDay } from "../dates";

/** Last day of the period a figure refers to: a yearly figure for 2025 is more recent than one of March 2025. */
export function periodEnd(observation: Pick<PublicObservation, "asOf" | "datePrecision">): string {
  if (observation.datePrecision === "day") return observation.asOf;
  const end = fromIsoDay(observation.asOf);
  if (observation.datePrecision === "month") end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  end.setUTCDate(end.getUTCDate() - 1);
  return isoDay(end);
}

/**
 * periodEnd in SQL, for a row alias with "asOf" and "datePrecision": the same day, including
 * JavaScript's rollover of a day past the month's end (keep in sync with periodEnd above).
 */
export function periodEndSql(alias: string): string {
  const asOf = `${alias}."asOf"`;
  const rolled = (step: string) =>
    `((date_trunc('month', ${asOf}::timestamp) + interval '${step}')::date + (extract(day FROM ${asOf})::int - 2))`;
  return `(CASE ${alias}."datePrecision" WHEN 'day' THEN ${asOf} WHEN 'month' THEN ${rolled("1 month")} ELSE ${rolled("1 year")} END)`;
}

import { getDb } from "../db/client";
import type { DatePrecision } from "../observations/types";
import { isoDay } from "../dates";

export type EventKind = "decree" | "renewal" | "report" | "policy" | "other";

export type PublicEvent = {
  id: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string | null;
  datePrecision: DatePrecision;
  dateNote: string | null;
  titleEs: string;
  titleEn: string;
  source: { url: string; publisher: string | null };
};

/** Every dated event, oldest first. */
export async function listEvents(): Promise<PublicEvent[]> {
  const rows = await getDb().event.findMany({
    select: {
      id: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      datePrecision: true,
      dateNote: true,
      titleEs: true,
      titleEn: true,
      source: { select: { url: true, publisher: true } },
    },
    orderBy: [{ startsOn: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({ ...row, startsOn: isoDay(row.startsOn), endsOn: row.endsOn ? isoDay(row.endsOn) : null }));
}

import type { PublicEvent } from "@/lib/events/queries";

// How the list under a chart groups its events: renewals of the state of exception are one line
// (there are dozens), every other event is its own line, in the chart's order.

export type NumberedEvent = { event: PublicEvent; number: number };
export type EventLine = { kind: "event"; item: NumberedEvent } | { kind: "renewals"; items: NumberedEvent[] };

/** Lines in date order; the renewals line stands where the first renewal would. A single renewal stays a plain line. */
export function eventLines(events: readonly NumberedEvent[]): EventLine[] {
  const renewals = events.filter(({ event }) => event.kind === "renewal");
  const grouped = renewals.length > 1;
  const lines: EventLine[] = [];
  for (const item of events) {
    if (grouped && item.event.kind === "renewal") {
      if (item === renewals[0]) lines.push({ kind: "renewals", items: renewals });
    } else {
      lines.push({ kind: "event", item });
    }
  }
  return lines;
}

/** How many lines show before the rest fold away. */
export const VISIBLE_LINES = 5;

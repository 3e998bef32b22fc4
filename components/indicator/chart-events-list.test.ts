import { describe, expect, it } from "vitest";
import type { PublicEvent } from "@/lib/events/queries";
import { eventLines, type NumberedEvent } from "./chart-events-list";

const item = (number: number, kind: PublicEvent["kind"]): NumberedEvent => ({
  number,
  event: {
    id: `e${number}`,
    kind,
    startsOn: `20${10 + number}-01-01`,
    endsOn: null,
    datePrecision: "day",
    dateNoteEs: null,
    dateNoteEn: null,
    titleEs: `Evento ${number}`,
    titleEn: `Event ${number}`,
    source: { url: "https://example.org", publisher: null, class: "primary", archivedUrl: null, brokenSince: null },
    appliesToAll: false,
    indicators: [],
  },
});

describe("eventLines", () => {
  it("puts every renewal on one line, where the first renewal stands", () => {
    const lines = eventLines([item(1, "decree"), item(2, "renewal"), item(3, "report"), item(4, "renewal"), item(5, "renewal")]);
    expect(lines.map((line) => (line.kind === "event" ? line.item.number : line.items.map((i) => i.number)))).toEqual([1, [2, 4, 5], 3]);
  });

  it("keeps a single renewal as its own line", () => {
    expect(eventLines([item(1, "renewal"), item(2, "report")]).map((line) => line.kind)).toEqual(["event", "event"]);
  });
});

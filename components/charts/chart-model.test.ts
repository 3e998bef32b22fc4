import { describe, expect, it } from "vitest";
import type { PublicEvent } from "@/lib/events/queries";
import type { PublicObservation } from "@/lib/observations/types";
import { buildChartModel, CHART_SIZES, placedTexts, type ChartText } from "./chart-model";
import { overlaps } from "./text-layout";

const figure = (id: string, extra: Partial<PublicObservation> = {}): PublicObservation => ({
  id,
  indicatorSlug: "x",
  value: "10",
  valueMax: null,
  qualifier: "exact",
  asOf: "2022-01-01",
  datePrecision: "year",
  producer: { id: `p-${id}`, name: `Producer ${id}`, type: "ngo" },
  source: {
    url: `https://example.org/${id}`,
    publisher: null,
    publishedAt: null,
    retrievedAt: null,
    class: "press",
    archivedUrl: null,
    brokenSince: null,
  },
  attribution: id,
  noteEn: null,
  noteEs: null,
  status: "published",
  retraction: null,
  ...extra,
});

const allVisible = { hidden: [], from: null, to: null, events: true };

describe("buildChartModel", () => {
  it("leaves retracted figures off the chart", () => {
    const model = buildChartModel(
      [figure("a"), figure("b", { status: "retracted", retraction: { reason: "withdrawn", at: null } })],
      [],
      allVisible,
    );
    expect(model.series.flatMap((s) => s.points.map((p) => p.observation.id))).toEqual(["a"]);
  });

  it("draws a yearly figure across its year with the marker in the middle, not on 1 January", () => {
    const model = buildChartModel([figure("year"), figure("day", { asOf: "2023-06-15", datePrecision: "day" })], [], allVisible);
    const year = model.series.flatMap((s) => s.points).find((p) => p.observation.id === "year")!;
    expect(year.periodX2).toBeGreaterThan(year.periodX1);
    expect(year.cx).toBeCloseTo((year.periodX1 + year.periodX2) / 2);
    expect(year.midpointMs).toBe(Date.UTC(2022, 6, 2, 12));
  });

  it("keeps one series per producer and never merges two producers into one line", () => {
    const model = buildChartModel(
      [figure("a"), figure("b"), figure("c", { producer: { id: "p-a", name: "Producer a", type: "ngo" }, asOf: "2023-01-01" })],
      [],
      allVisible,
    );
    expect(model.series.map((s) => [s.producerName, s.points.length])).toEqual([
      ["Producer a", 2],
      ["Producer b", 1],
    ]);
  });

  it("hides producer types and filters by time range", () => {
    const observations = [figure("gov", { producer: { id: "g", name: "Gov", type: "government" } }), figure("ngo", { asOf: "2024-01-01" })];
    expect(buildChartModel(observations, [], { ...allVisible, hidden: ["government"] }).series.map((s) => s.producerType)).toEqual(["ngo"]);
    expect(buildChartModel(observations, [], { ...allVisible, from: 2023 }).series.map((s) => s.producerName)).toEqual(["Producer ngo"]);
  });

  it("spans a range figure from its value to its upper end", () => {
    const model = buildChartModel([figure("r", { value: "110000", valueMax: "120000" })], [], allVisible);
    const point = model.series[0]!.points[0]!;
    expect(point.rangeTopY).not.toBeNull();
    expect(point.rangeTopY!).toBeLessThan(point.cy);
  });
});

// Issue 14: the chart carries its own key (title, unit, direct labels or a legend, events, source
// line) and lays it out so no two texts overlap and none leaves the viewBox, at both sizes.

const TYPES = ["government", "ngo", "academic", "media", "intergovernmental"] as const;
const denseFigures = Array.from({ length: 60 }, (_, i) =>
  figure(`d${i}`, {
    value: String(1.3 + ((i * 37) % 115)),
    asOf: `${2015 + (i % 11)}-0${1 + (i % 9)}-15`,
    datePrecision: i % 3 ? "day" : "month",
    producer: {
      id: `prod-${i % 24}`,
      name: `Producer number ${i % 24} with a fairly long name (via outlet ${i % 5})`,
      type: TYPES[i % 5]!,
    },
  }),
);

const event = (i: number, kind: PublicEvent["kind"], startsOn: string): PublicEvent => ({
  id: `e${i}`,
  kind,
  startsOn,
  endsOn: null,
  datePrecision: "day",
  dateNoteEs: null,
  dateNoteEn: null,
  titleEs: `Evento ${i}`,
  titleEn: `Event ${i}`,
  source: { url: `https://example.org/e${i}`, publisher: null, class: "primary", archivedUrl: null, brokenSince: null },
  appliesToAll: false,
  indicators: [],
});
// 28 events bunched in 2022–2023 (several on neighbouring days) and 12 monthly renewals.
const crowdedEvents = [
  ...Array.from({ length: 28 }, (_, i) =>
    event(
      i,
      i % 4 ? "report" : "decree",
      `${2019 + Math.floor(i / 7)}-${String(1 + ((i * 5) % 12)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`,
    ),
  ),
  ...Array.from({ length: 12 }, (_, i) =>
    event(100 + i, "renewal", `${2022 + Math.floor((i + 3) / 12)}-${String(1 + ((i + 3) % 12)).padStart(2, "0")}-27`),
  ),
].sort((a, b) => a.startsOn.localeCompare(b.startsOn));

const text = (locale: "en" | "es" = "en"): ChartText => ({
  locale,
  title: "Arrests under the state of exception (cumulative), as announced by the government and cited by others",
  unit: "homicides per 100,000 inhabitants",
  sourceLine:
    "Sources: Policía Nacional Civil (reported by Diario El Mundo), Observatorio Universitario de Derechos Humanos, UCA (reported by Diario El Mundo), UNODC (via TheGlobalEconomy.com), Human Rights Watch & Cristosal report and 15 more · contraste.example/en/indicators/homicide_rate · accessed 4 Dec 2026",
  renewals: (count) => `Renewals (${count})`,
  logOmitted: (count) => `${count} figures of zero or less cannot be drawn on a log scale`,
});

function expectLegible(model: ReturnType<typeof buildChartModel>) {
  const texts = placedTexts(model);
  for (const { text: label, box } of texts) {
    expect(box.x1, label).toBeGreaterThanOrEqual(0);
    expect(box.y1, label).toBeGreaterThanOrEqual(0);
    expect(box.x2, label).toBeLessThanOrEqual(model.width);
    expect(box.y2, label).toBeLessThanOrEqual(model.height);
  }
  const collisions = texts.flatMap((a, i) =>
    texts.slice(i + 1).flatMap((b) => (overlaps(a.box, b.box) ? [`${a.kind} "${a.text}" × ${b.kind} "${b.text}"`] : [])),
  );
  expect(collisions).toEqual([]);
  return texts;
}

describe("the chart's own key", () => {
  it.each(["wide", "narrow"] as const)(
    "lays out dense data and 40 events with no two texts overlapping, all inside the viewBox (%s)",
    (size) => {
      for (const locale of ["en", "es"] as const) {
        const model = buildChartModel(denseFigures, crowdedEvents, allVisible, CHART_SIZES[size], text(locale));
        const texts = expectLegible(model);
        // Every kind of text is there: title, unit, source, ticks, events, the renewals' single label, the key.
        expect(new Set(texts.map((t) => t.kind))).toEqual(
          new Set(["title", "unit", "source", "xTick", "yTick", "event", "eventMore", "renewals", "legend-type", "legend-producer"]),
        );
      }
    },
  );

  it("draws 12 renewals as one band with one label, and keeps every event's number for the list", () => {
    const model = buildChartModel(denseFigures, crowdedEvents, allVisible, CHART_SIZES.wide, text());
    expect(model.renewals).toMatchObject({ count: 12, label: { text: "Renewals (12)" } });
    expect(model.renewals!.ticks).toHaveLength(12);
    expect(model.events.map((e) => e.number)).toEqual(model.events.map((_, i) => i + 1));
    expect(model.events.filter((e) => e.event.kind === "renewal" && e.label)).toEqual([]);
    // Each other event is numbered above the chart or counted in exactly one "+n" marker.
    const labelled = model.events.filter((e) => e.label).map((e) => e.number);
    const counted = model.eventClusters.flatMap((c) => c.numbers);
    const others = model.events.filter((e) => e.event.kind !== "renewal").map((e) => e.number);
    expect([...labelled, ...counted].sort((a, b) => a - b)).toEqual(others);
    for (const cluster of model.eventClusters) expect(cluster.label.text).toBe(`+${cluster.numbers.length}`);
    for (const e of model.events.filter((e) => e.label)) expect(e.label!.text).toBe(String(e.number));
  });

  it("names every series in a legend when direct labels do not fit, and at the line's end when they do", () => {
    const dense = buildChartModel(denseFigures, [], allVisible, CHART_SIZES.wide, text());
    expect(dense.seriesLabels).toEqual([]);
    const named = dense.legend.flatMap((item) => (item.kind === "producer" ? [item.full] : []));
    expect(named.sort()).toEqual(dense.series.map((s) => s.producerName).sort());
    for (const item of dense.legend) if (item.kind === "producer") expect(item.label.text).toContain(item.full);

    // Three short-named series ending on the same value: labelled directly, pushed apart.
    const few = (
      [
        ["Cristosal", "ngo"],
        ["PNC", "government"],
        ["UCA", "academic"],
      ] as const
    ).map(([name, type]) => figure(name, { value: "20", producer: { id: name, name, type } }));
    const model = buildChartModel(few, [], allVisible, CHART_SIZES.wide, text());
    expect(model.legend).toEqual([]);
    expect(model.seriesLabels.map((l) => l.label.text)).toEqual(["PNC (Government)", "Cristosal (NGO)", "UCA (Academic)"]);
    expectLegible(model);
    // On a phone the same chart keeps its key under the plot.
    const narrow = buildChartModel(few, [], allVisible, CHART_SIZES.narrow, text("es"));
    expect(narrow.legend.filter((item) => item.kind === "type").map((item) => item.label.text)).toEqual(["Gobierno:", "ONG:", "Academia:"]);
    expectLegible(narrow);
  });

  it("wraps a long title and source line instead of cutting them", () => {
    const model = buildChartModel(denseFigures, [], allVisible, CHART_SIZES.narrow, text());
    expect(model.title.length).toBe(2);
    expect(model.sourceLines.length).toBeGreaterThan(1);
    expect(model.sourceLines.map((l) => l.text).join(" ")).toContain("accessed 4 Dec 2026");
  });

  it("gives a phone fewer ticks and text at least 11 px tall when shown 343 px wide", () => {
    const model = buildChartModel(denseFigures, crowdedEvents, allVisible, CHART_SIZES.narrow, text());
    expect(model.xTicks.filter((t) => t.label).length).toBeLessThanOrEqual(4);
    expect(model.yTicks.length).toBeLessThanOrEqual(5);
    expect(model.height).toBeGreaterThan(model.width);
    for (const t of placedTexts(model)) expect(t.fontSize * (343 / model.width), t.text).toBeGreaterThanOrEqual(11);
  });
});

describe("honest axes", () => {
  const homicides = [
    figure("gov15", { value: "103", asOf: "2015-01-01", producer: { id: "g", name: "PNC", type: "government" } }),
    figure("gov25", { value: "1.3", asOf: "2025-01-01", producer: { id: "g", name: "PNC", type: "government" } }),
    figure("uca22", { value: "10.4", asOf: "2022-01-01", producer: { id: "u", name: "UCA", type: "academic" } }),
    figure("med23", { value: "4.5", asOf: "2023-01-01", producer: { id: "m", name: "La Prensa", type: "media" } }),
  ];

  it("spans exactly the chosen years whatever the visible series cover", () => {
    const model = buildChartModel(
      homicides,
      [],
      { ...allVisible, hidden: ["government", "media"], from: 2019, to: 2024 },
      CHART_SIZES.wide,
      text(),
    );
    expect(model.series.map((s) => s.producerName)).toEqual(["UCA"]);
    expect(model.xDomain).toEqual({ from: 2019, to: 2024 });
    const labels = model.xTicks.flatMap((t) => (t.label ? [Number(t.label.text)] : []));
    expect(labels).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(model.xTicks[0]!.x).toBeCloseTo(model.plot.left);
    // The one 2022 figure sits in the middle of 2022, not stretched over the whole axis.
    const point = model.series[0]!.points[0]!;
    const yearWidth = (model.plot.right - model.plot.left) / 6;
    expect(point.cx).toBeCloseTo(model.plot.left + 3.5 * yearWidth, 0);
  });

  it("runs from the chosen first year to the data's end when only `from` is set", () => {
    const model = buildChartModel(homicides, [], { ...allVisible, from: 2019 }, CHART_SIZES.wide, text());
    expect(model.xDomain).toEqual({ from: 2019, to: 2025 });
  });

  it("never repeats a year and keeps about 70 px per year label", () => {
    const model = buildChartModel(homicides, [], { ...allVisible, from: 1990 }, CHART_SIZES.wide, text());
    const labels = model.xTicks.flatMap((t) => (t.label ? [t.label.text] : []));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeLessThanOrEqual(Math.floor((model.plot.right - model.plot.left) / 70));
    expectLegible(model);
  });

  it("offers a log axis when values span about two orders of magnitude, with ticks at powers of ten", () => {
    expect(buildChartModel(homicides, [], allVisible, CHART_SIZES.wide, text()).logScaleUseful).toBe(true);
    expect(buildChartModel(homicides.slice(2), [], allVisible, CHART_SIZES.wide, text()).logScaleUseful).toBe(false);
    const withZero = [...homicides, figure("zero", { value: "0", asOf: "2024-01-01", producer: { id: "z", name: "Zero", type: "ngo" } })];
    const model = buildChartModel(withZero, [], { ...allVisible, scale: "log" }, CHART_SIZES.wide, text());
    expect(model.scale).toBe("log");
    expect(model.yTicks.map((t) => t.value)).toEqual([1, 10, 100, 1000]);
    expect(model.logOmitted).toBe(1);
    expect(model.logNote?.text).toBe("1 figures of zero or less cannot be drawn on a log scale");
    expect(model.series.flatMap((s) => s.points.map((p) => p.observation.id))).not.toContain("zero");
    // 1.3 sits between the 1 and 10 ticks, 103 between 100 and 1000.
    const y = (id: string) => model.series.flatMap((s) => s.points).find((p) => p.observation.id === id)!.cy;
    const tick = (value: number) => model.yTicks.find((t) => t.value === value)!.y;
    expect(y("gov25")).toBeLessThan(tick(1));
    expect(y("gov25")).toBeGreaterThan(tick(10));
    expect(y("gov15")).toBeLessThan(tick(100));
    expectLegible(model);
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PublicEvent } from "@/lib/events/queries";
import { MARKED_POINTS_PER_SERIES } from "@/lib/observations/chart-points";
import type { PublicObservation } from "@/lib/observations/types";
import { SCRIPT_PAYLOADS, SQL_PAYLOADS } from "@/testing/hostile-inputs";
import { buildChartModel, CHART_SIZES } from "./chart-model";
import { IndicatorChartSvg, narrowFit } from "./IndicatorChartSvg";

// Issue #7: names, publishers and event titles reach the chart's SVG (titles, labels, data
// attributes) only as escaped text: the markup has the chart's own elements and no handlers.

const PAYLOADS = [...SCRIPT_PAYLOADS, ...SQL_PAYLOADS];

const figure = (i: number, type: PublicObservation["producer"]["type"]): PublicObservation => ({
  id: `o${i}`,
  indicatorSlug: "synthetic",
  value: String(10 + i),
  valueMax: i % 2 ? String(20 + i) : null,
  qualifier: i % 2 ? "at_least" : "exact",
  asOf: `${2015 + (i % 8)}-01-01`,
  datePrecision: "year",
  producer: { id: `p${i}`, name: PAYLOADS[i % PAYLOADS.length]!, type },
  source: {
    url: `https://example.org/${i}`,
    publisher: PAYLOADS[(i + 1) % PAYLOADS.length]!,
    publishedAt: null,
    retrievedAt: null,
    class: "press",
    archivedUrl: null,
    brokenSince: null,
  },
  attribution: PAYLOADS[(i + 2) % PAYLOADS.length]!,
  noteEn: PAYLOADS[(i + 3) % PAYLOADS.length]!,
  noteEs: null,
  status: "published",
  retraction: null,
});

const event = (i: number): PublicEvent => ({
  id: `e${i}`,
  kind: i % 2 ? "renewal" : "report",
  startsOn: `${2016 + i}-03-27`,
  endsOn: null,
  datePrecision: "day",
  dateNoteEs: PAYLOADS[i % PAYLOADS.length]!,
  dateNoteEn: null,
  titleEs: PAYLOADS[(i + 4) % PAYLOADS.length]!,
  titleEn: PAYLOADS[(i + 5) % PAYLOADS.length]!,
  source: { url: `https://example.org/e${i}`, publisher: null, class: "primary", archivedUrl: null, brokenSince: null },
  appliesToAll: true,
  indicators: [],
});

const TYPES = ["government", "ngo", "media", "intergovernmental", "academic"] as const;
const observations = PAYLOADS.map((_, i) => figure(i, TYPES[i % TYPES.length]!));
const events = [0, 1, 2, 3].map(event);

function modelOf(locale: "es" | "en", size: keyof typeof CHART_SIZES) {
  return buildChartModel(observations, events, { hidden: [], from: null, to: null, events: true }, CHART_SIZES[size], {
    locale,
    title: PAYLOADS[3]!,
    unit: PAYLOADS[4]!,
    sourceLine: PAYLOADS[5]!,
    renewals: (count) => `Renewals (${count})`,
    logOmitted: () => "",
  });
}

function render(locale: "es" | "en", size: keyof typeof CHART_SIZES | "both" = "wide") {
  const model = modelOf(locale, size === "both" ? "wide" : size);
  const narrowModel = size === "both" ? modelOf(locale, "narrow") : undefined;
  return renderToStaticMarkup(
    createElement(IndicatorChartSvg, {
      model,
      narrowModel,
      locale,
      title: SCRIPT_PAYLOADS[0]!,
      description: SCRIPT_PAYLOADS[2]!,
      idPrefix: "chart",
    }),
  );
}

const tags = (markup: string) =>
  [...markup.matchAll(/<([A-Za-z][\w:-]*)((?:\s[^>]*)?)>/g)].map(([, name, attributes]) => ({ name: name!, attributes: attributes ?? "" }));

describe("IndicatorChartSvg", () => {
  it.each([
    ["es", "wide"],
    ["en", "both"],
  ] as const)("draws hostile names and titles as text only (%s, %s)", (locale, size) => {
    const markup = render(locale, size);
    const found = tags(markup);
    const allowed = ["svg", "title", "desc", "defs", "use", "g", "line", "text", "tspan", "path", "circle", "rect"];
    expect(found.map((tag) => tag.name).filter((name) => !allowed.includes(name))).toEqual([]);
    expect(found.filter((tag) => tag.name === "title").length).toBeGreaterThan(PAYLOADS.length);
    // No handler attribute on any element (onload, onerror...), and nothing that loads a resource.
    // React writes every value in double quotes with " escaped, so each match consumes a whole value.
    const attributeNames = found.flatMap((tag) =>
      [...tag.attributes.matchAll(/\s([^\s=]+)="[^"]*"/g)].map((match) => match[1]!.toLowerCase()),
    );
    expect(attributeNames.filter((name) => name.startsWith("on") || name === "xlink:href" || name === "src")).toEqual([]);
    // The only references are <use> of a marker the SVG itself defines.
    const ids = new Set(found.map((tag) => /\sid="([^"]*)"/.exec(tag.attributes)?.[1]).filter(Boolean));
    const references = found.flatMap((tag) =>
      [...tag.attributes.matchAll(/\shref="([^"]*)"/g)].map((match) => ({ tag: tag.name, href: match[1]! })),
    );
    expect(references.length).toBeGreaterThanOrEqual(observations.length);
    for (const { tag, href } of references) {
      expect(tag).toBe("use");
      expect(href).toMatch(/^#chart-mark-[a-z]+$/);
      expect(ids.has(href.slice(1)), href).toBe(true);
    }
    for (const attack of ["<script", "<img", "<svg onload", "<iframe", "<x:script"]) expect(markup).not.toContain(attack);
    // The payloads are there, as text a reader can see.
    expect(markup).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(markup).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;");
    expect(markup).toContain("&#x27;; DROP TABLE &quot;Observation&quot;; --");
  });

  it("keeps a producer's name in its data attribute, quoted", () => {
    const markup = render("en");
    expect(markup).toContain('data-producer="&lt;svg onload=&quot;window.__pwned=1&quot;&gt;"');
  });

  it.each(["wide", "narrow"] as const)("carries its key as drawn text in a sans-serif font on an opaque background (%s)", (size) => {
    const markup = render("en", size);
    expect(markup).toContain(`data-testid="${size === "wide" ? "chart-svg" : "chart-svg-narrow"}"`);
    expect(markup).toMatch(/<svg[^>]* font-family="system-ui[^"]*sans-serif"/);
    expect(markup).toMatch(/<rect class="chart-background" x="0" y="0" width="\d+" height="\d+" fill="var\(--bg\)"/);
    expect(markup).toMatch(/data-x-from="2015" data-x-to="2022"/);
    // Every series is named in drawn text (a legend here: too many to label at the lines' ends).
    const drawn = markup.replace(/<title>.*?<\/title>/g, "");
    for (const name of new Set(observations.map((o) => o.producer.name))) {
      const escaped = renderToStaticMarkup(createElement("tspan", null, name)).replace(/^<tspan>|<\/tspan>$/g, "");
      if (size === "wide") expect(drawn).toContain(escaped);
    }
    expect(markup).toMatch(/<g class="chart-renewals" data-renewals="2">/);
    expect(markup).toContain("Renewals (2)");
    expect(markup).toMatch(/<g class="chart-point[^"]*" data-observation="o0"/);
  });

  it("writes a figure in a few hundred bytes: its series gives the colour and the marker, its title names it", () => {
    const markup = render("en", "both");
    const points = [...markup.matchAll(/<g class="chart-point[\s\S]*?<\/g><\/g><\/g>/g)].map(([point]) => point);
    expect(points).toHaveLength(observations.length);
    for (const point of points) {
      const title = /<title>(.*?)<\/title>/.exec(point)![1]!;
      // What is left once the figure's own words are set aside: its shape, place and period, and a
      // range's ends and the hedge's sign when it has them.
      const extras = (point.includes("chart-range") ? 110 : 0) + (point.includes("chart-qualifier") ? 150 : 0);
      expect(point.length - title.length, point).toBeLessThan(400 + extras);
      expect(point).not.toContain("aria-label");
      expect(point).not.toMatch(/ stroke="var/);
    }
    for (const type of new Set(observations.map((o) => o.producer.type)))
      expect(markup).toMatch(
        new RegExp(`<g class="chart-series series-${type}"[^>]* stroke="var\\(--[a-z]+\\)" stroke-width="2" fill="none">`),
      );
  });

  it("holds both layouts in one SVG and draws each figure once, the phone's words hidden without the stylesheet", () => {
    const markup = render("en", "both");
    expect(markup.match(/<svg/g)).toHaveLength(1);
    expect(markup).toContain('data-testid="chart-svg"');
    expect(markup).toMatch(/<svg[^>]* preserveAspectRatio="xMinYMin slice"/);
    expect(markup.match(/data-observation="/g)).toHaveLength(observations.length);
    expect(markup.match(/<g class="chart-words chart-words-narrow" transform="scale\([\d.]+\)" display="none">/g)).toHaveLength(2);
    expect(markup).toContain("--chart-narrow-plot:matrix(");
  });

  it("moves every figure onto the phone layout's plot where the phone layout draws it", () => {
    const [wide, narrow] = [modelOf("en", "wide"), modelOf("en", "narrow")];
    const fit = narrowFit(wide, narrow);
    const [sx, , , sy, tx, ty] = fit.plot
      .replace(/^matrix\(|\)$/g, "")
      .split(",")
      .map(Number) as number[];
    const narrowPoints = new Map(narrow.series.flatMap((series) => series.points.map((point) => [point.observation.id, point])));
    const widePoints = wide.series.flatMap((series) => series.points);
    expect(widePoints.length).toBe(narrowPoints.size);
    for (const point of widePoints) {
      const target = narrowPoints.get(point.observation.id)!;
      expect(sx! * point.cx + tx!).toBeCloseTo(fit.scale * target.cx, 0);
      expect(sy! * point.cy + ty!).toBeCloseTo(fit.scale * target.cy, 0);
    }
    expect(fit.height).toBeCloseTo(Math.max(wide.height, narrow.height * fit.scale), 5);
  });
});

describe("a dense series", () => {
  /** `count` daily figures of one producer; every seventh hedged ("at least"). */
  const dailyFigures = (count: number): PublicObservation[] =>
    Array.from({ length: count }, (_, i) => ({
      ...figure(i, "ngo"),
      id: `d${i}`,
      value: String(100 + ((i * 37) % 50)),
      valueMax: null,
      qualifier: i % 7 ? "exact" : "at_least",
      asOf: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
      datePrecision: "day",
      producer: { id: "dense-ngo", name: "Observatorio", type: "ngo" },
    }));
  const renderFigures = (figures: PublicObservation[]) => {
    const model = (size: keyof typeof CHART_SIZES) =>
      buildChartModel(figures, [], { hidden: [], from: null, to: null, events: false }, CHART_SIZES[size], {
        locale: "en",
        title: "Dense",
        unit: "people",
        sourceLine: "Sources: Observatorio",
        renewals: () => "",
        logOmitted: () => "",
      });
    const wide = model("wide");
    const markup = renderToStaticMarkup(
      createElement(IndicatorChartSvg, {
        model: wide,
        narrowModel: model("narrow"),
        locale: "en",
        title: "t",
        description: "d",
        idPrefix: "chart",
      }),
    );
    return { wide, markup };
  };

  it(`keeps a marker for each figure up to ${MARKED_POINTS_PER_SERIES} figures`, () => {
    const { markup } = renderFigures(dailyFigures(MARKED_POINTS_PER_SERIES));
    expect(markup.match(/data-observation="/g)).toHaveLength(MARKED_POINTS_PER_SERIES);
    expect(markup).not.toContain("data-dense-series");
  });

  it("draws each figure as a dot in the series' order, a ring where hedged, and is read as one focusable series", () => {
    const figures = dailyFigures(MARKED_POINTS_PER_SERIES + 1);
    const { wide, markup } = renderFigures(figures);
    expect(markup).not.toContain("data-observation");
    const series = /<g class="chart-series series-ngo chart-series-dense"[^>]*>/.exec(markup)![0];
    expect(series).toContain('data-dense-series="dense-ngo"');
    expect(series).toContain('tabindex="0"');
    expect(series).toContain('role="img"');
    expect(markup).toContain(
      `<title>Observatorio (NGO): ${figures.length} figures drawn, from 1 January 2020 to 1 March 2020, each as a dot (a ring where the source hedged it). The arrow keys go from one figure to the next.</title>`,
    );
    const dots = [.../<path class="chart-dots" d="([^"]*)"/.exec(markup)![1]!.matchAll(/M([\d.]+),([\d.]+)h0/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    // The island reads which dot is which figure from this order: the model's points, left to right.
    expect(dots).toEqual(wide.series[0]!.points.map((point) => [Math.round(point.cx * 10) / 10, Math.round(point.cy * 10) / 10]));
    const holes = /<path class="chart-dots-hedged" d="([^"]*)"/.exec(markup)![1]!.match(/h0/g);
    expect(holes).toHaveLength(figures.filter((figure) => figure.qualifier !== "exact").length);
    expect(markup).toContain('id="chart-cursor"');
  });

  it("grows by a few bytes a figure, where a marked figure takes a few hundred", () => {
    const small = renderFigures(dailyFigures(100)).markup;
    const large = renderFigures(dailyFigures(300)).markup;
    // Each figure: its dot, its share of the line, a hole when hedged; the words do not grow.
    expect((large.length - small.length) / 200).toBeLessThan(40);
  });
});

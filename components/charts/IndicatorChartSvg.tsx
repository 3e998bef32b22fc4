import type { CSSProperties } from "react";
import { formatAsOf, formatFigure, formatNumber, producerTypeLabel, QUALIFIER_LABELS, QUALIFIER_MARKS } from "@/lib/i18n/format";
import type { ProducerType } from "@/lib/observations/types";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import type { ChartModel, PointModel, SeriesModel } from "./chart-model";
import type { TextLine } from "./text-layout";
import { markerPath, px, SERIES_COLORS, SERIES_DASH } from "./marker-shapes";
import { quotedSegments } from "./quoted-segments";

type Props = {
  /** Built with CHART_SIZES.wide or CHART_SIZES.narrow and the chart's words (title, unit, source line). */
  model: ChartModel;
  /**
   * The same chart laid out for phones: given, the one SVG carries both layouts' words and draws the
   * figures once, and the page's stylesheet shows the phone layout below 600 px (see narrowFit).
   */
  narrowModel?: ChartModel;
  locale: Locale;
  /** The chart's accessible name. */
  title: string;
  description: string;
  idPrefix: string;
  /** Added to the SVG's classes (the embed caps the phone layout's width). */
  className?: string;
};

/** A named sans-serif stack, so a downloaded SVG does not fall back to a serif font elsewhere. */
export const CHART_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export function pointLabel(point: PointModel, locale: Locale): string {
  const { observation } = point;
  const hedge = QUALIFIER_LABELS[locale][observation.qualifier];
  return [
    formatFigure(observation, locale),
    formatAsOf(observation.asOf, observation.datePrecision, locale),
    `${observation.producer.name} (${producerTypeLabel(observation.producer.type, locale)})`,
    observation.source.publisher ?? observation.source.url,
    hedge ? (locale === "es" ? `la fuente dice «${hedge}»` : `the source says "${hedge}"`) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The marker a series draws at each figure, defined once per chart and placed by `<use>`. */
const markId = (idPrefix: string, type: ProducerType) => `${idPrefix}-mark-${type}`;

/**
 * One figure: its marker, the period it covers and a range's ends. Its colour, stroke width and fill
 * come from its series' group (presentation attributes inherit, in a downloaded SVG too), and its
 * marker is the series' one, so a dense chart's markup stays a few hundred bytes a figure. Its
 * accessible name is its <title>, which a mouse shows too.
 */
function Point({ point, series, locale, idPrefix }: { point: PointModel; series: SeriesModel; locale: Locale; idPrefix: string }) {
  const color = SERIES_COLORS[series.producerType];
  const mark = QUALIFIER_MARKS[point.observation.qualifier];
  const cx = px(point.cx);
  const cy = px(point.cy);
  const [periodX1, periodX2] = [px(point.periodX1), px(point.periodX2)];
  return (
    <g className={`chart-point chart-point-${series.producerType}`} data-observation={point.observation.id} tabIndex={0} role="img">
      <title>{pointLabel(point, locale)}</title>
      {point.periodX2 - point.periodX1 > 1 ? (
        <path
          className="chart-period"
          d={`M${periodX1},${px(cy - 4)}v8M${periodX1},${cy}H${periodX2}M${periodX2},${px(cy - 4)}v8`}
          strokeOpacity={0.6}
          strokeWidth={1.5}
        />
      ) : null}
      {point.rangeTopY !== null ? (
        <path
          className="chart-range"
          d={`M${cx},${cy}V${px(point.rangeTopY)}M${px(cx - 5)},${px(point.rangeTopY)}h10M${px(cx - 5)},${cy}h10`}
        />
      ) : null}
      {/* Drawn around the origin and moved into place, so the phone layout can keep its shape while the plot is stretched. */}
      <g className="chart-mark" transform={`translate(${cx},${cy})`}>
        <g className="chart-mark-shape">
          <use className="chart-hit" href={`#${markId(idPrefix, series.producerType)}`} />
          {mark ? (
            <text className="chart-qualifier" x={8} y={-6} fill={color} stroke="none" fontSize={14} fontWeight={700}>
              {mark}
            </text>
          ) : null}
        </g>
      </g>
    </g>
  );
}

/** A dense series' accessible name: whose figures, how many over which dates, and how to go through them. */
function denseSeriesLabel(series: SeriesModel, locale: Locale): string {
  const first = series.points[0]!.observation;
  const last = series.points.at(-1)!.observation;
  const producer = `${series.producerName} (${producerTypeLabel(series.producerType, locale)})`;
  const count = formatNumber(String(series.points.length), locale);
  const [from, to] = [formatAsOf(first.asOf, first.datePrecision, locale), formatAsOf(last.asOf, last.datePrecision, locale)];
  return locale === "es"
    ? `${producer}: ${count} cifras dibujadas, del ${from} al ${to}, cada una como un punto (un anillo si la fuente la matizó). Las flechas pasan de una cifra a otra.`
    : `${producer}: ${count} figures drawn, from ${from} to ${to}, each as a dot (a ring where the source hedged it). The arrow keys go from one figure to the next.`;
}

/**
 * A dense series' figures in four paths: a dot at each figure, in the series' order (the stroke's cap
 * on a segment of no length, so it keeps its shape however the plot is stretched; square for an
 * official series, as its markers are), a hole in the dot of each hedged figure (a ring), and the bars
 * of the periods and ranges the figures cover. A few bytes a figure, where a marked point takes a few
 * hundred. The chart's island reads where each figure is from the dots, in order.
 */
function denseDrawing(points: PointModel[]) {
  const dot = ({ cx, cy }: PointModel) => `M${px(cx)},${px(cy)}h0`;
  return {
    dots: points.map(dot).join(""),
    hedged: points
      .filter((point) => point.observation.qualifier !== "exact")
      .map(dot)
      .join(""),
    periods: points
      .filter((point) => point.periodX2 - point.periodX1 > 1)
      .map((point) => `M${px(point.periodX1)},${px(point.cy)}H${px(point.periodX2)}`)
      .join(""),
    ranges: points
      .filter((point) => point.rangeTopY !== null)
      .map((point) => `M${px(point.cx)},${px(point.cy)}V${px(point.rangeTopY!)}`)
      .join(""),
  };
}

/** A dense series' figures (see denseDrawing); the series' group is what takes the focus. */
function DenseFigures({ series }: { series: SeriesModel }) {
  const drawing = denseDrawing(series.points);
  const cap = series.producerType === "government" ? "square" : "round";
  const dots = { strokeLinecap: cap, vectorEffect: "non-scaling-stroke" } as const;
  return (
    <>
      {drawing.periods ? <path className="chart-periods" d={drawing.periods} strokeOpacity={0.6} strokeWidth={1.5} /> : null}
      {drawing.ranges ? <path className="chart-ranges" d={drawing.ranges} strokeOpacity={0.6} /> : null}
      <path className="chart-dots" d={drawing.dots} strokeWidth={7} {...dots} />
      {drawing.hedged ? <path className="chart-dots-hedged" d={drawing.hedged} strokeWidth={3} stroke="var(--bg)" {...dots} /> : null}
    </>
  );
}

/** Where the details box points on a dense series: moved onto the figure shown by the chart's island. */
function DenseCursor({ idPrefix }: { idPrefix: string }) {
  return (
    <g className="chart-cursor" id={`${idPrefix}-cursor`} display="none" aria-hidden="true" fill="none">
      <path
        className="chart-cursor-ring"
        d="M0,0h0"
        stroke="var(--link)"
        strokeWidth={14}
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
      <path
        className="chart-cursor-hole"
        d="M0,0h0"
        stroke="var(--bg)"
        strokeWidth={9}
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </g>
  );
}

/** Each series' marker, with the ring around it that takes a tap or a hover; its stroke comes from where it is used. */
function MarkDefinitions({ model, idPrefix }: { model: Pick<ChartModel, "series">; idPrefix: string }) {
  const types = [...new Set(model.series.map((series) => series.producerType))];
  if (!types.length) return null;
  return (
    <defs>
      {types.map((type) => (
        <g key={type} id={markId(idPrefix, type)}>
          <path d={markerPath(type, 0, 0)} fill={type === "intergovernmental" ? "none" : "var(--bg)"} />
          <circle r={10} fill="transparent" stroke="none" />
        </g>
      ))}
    </defs>
  );
}

function Text({
  line,
  fill = "var(--fg)",
  className,
  full,
  halo = false,
  quoted = false,
  names,
}: {
  line: TextLine;
  fill?: string;
  className?: string;
  full?: string;
  /** A rim in the background colour, so a dashed event line behind the text does not cut through it. */
  halo?: boolean;
  /** Stored data (a producer's name), not the chart's own words. */
  quoted?: boolean;
  /** Producers' names the line may quote (the source line): drawn as tspans marked as data. */
  names?: readonly string[];
}) {
  return (
    <text
      // Only the attributes in use: the page's data carries each one written out, even when it is undefined.
      {...(className ? { className } : {})}
      {...(halo ? { stroke: "var(--bg)", strokeWidth: 4, strokeLinejoin: "round" as const, paintOrder: "stroke" } : {})}
      x={px(line.x)}
      y={px(line.y)}
      textAnchor={line.anchor}
      fontSize={line.fontSize}
      {...(line.bold ? { fontWeight: 700 } : {})}
      fill={fill}
      {...(quoted ? { "data-quoted": "" } : {})}
    >
      {full && full !== line.text ? <title>{full}</title> : null}
      {names
        ? quotedSegments(line.text, names).map((segment, index) =>
            segment.quoted ? (
              <tspan key={index} data-quoted="">
                {segment.text}
              </tspan>
            ) : (
              segment.text
            ),
          )
        : line.text}
    </text>
  );
}

type ProducerKeyItem = Extract<ChartModel["legend"][number], { kind: "producer" }>;

/** The legend's producer names grouped by the line they sit on. */
function legendLines(legend: ChartModel["legend"]): ProducerKeyItem[][] {
  const lines: ProducerKeyItem[][] = [];
  for (const item of legend) {
    if (item.kind !== "producer") continue;
    const last = lines.at(-1);
    if (last && last[0]!.label.y === item.label.y) last.push(item);
    else lines.push([item]);
  }
  return lines;
}

/** A series' marker as the key draws it beside a name (smaller than on the data). */
function KeyMarker({ type, cx, cy }: { type: ProducerType; cx: number; cy: number }) {
  return (
    <path
      d={markerPath(type, cx, cy, 4)}
      fill={type === "intergovernmental" ? "none" : "var(--bg)"}
      stroke={SERIES_COLORS[type]}
      strokeWidth={2}
      aria-hidden="true"
    />
  );
}

/** Where the phone layout puts what the wide one draws: the plot's stretch, and what keeps each marker's shape. */
export function narrowFit(wide: ChartModel, narrow: ChartModel) {
  // The phone layout is drawn scaled up to the wide one's width: one viewBox, and the same pixels as its own SVG.
  const scale = wide.width / narrow.width;
  const [w, n] = [wide.plot, narrow.plot];
  const sx = (scale * (n.right - n.left)) / (w.right - w.left);
  const sy = (scale * (n.bottom - n.top)) / (w.bottom - w.top);
  const tx = scale * n.left - sx * w.left;
  const ty = scale * n.top - sy * w.top;
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return {
    scale,
    height: Math.max(wide.height, narrow.height * scale),
    plot: `matrix(${[sx, 0, 0, sy, tx, ty].map(round).join(",")})`,
    mark: `scale(${round(scale / sx)},${round(scale / sy)})`,
  };
}

/** What a layout draws under the figures: title, grid and axes, events, unit. */
function UnderLayer({ model, locale }: { model: ChartModel; locale: Locale }) {
  const { plot } = model;
  return (
    <>
      <g className="chart-heading">
        {model.title.map((line, index) => (
          <Text key={index} line={line} className="chart-title" full={model.fullText.title} />
        ))}
      </g>
      <g className="chart-grid" aria-hidden="true">
        {model.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={px(tick.y)} y2={px(tick.y)} stroke="var(--grid)" />
            {tick.label ? <Text line={tick.label} fill="var(--muted)" className="chart-y-tick" /> : null}
          </g>
        ))}
        {model.xTicks.map((tick) => (
          <g key={tick.year}>
            <line x1={px(tick.x)} x2={px(tick.x)} y1={plot.top} y2={plot.bottom + 6} stroke="var(--grid)" strokeDasharray="2 4" />
            {tick.label ? <Text line={tick.label} fill="var(--muted)" className="chart-x-tick" /> : null}
          </g>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="var(--muted)" />
      </g>
      <g className="chart-events">
        {model.events.map(({ event, number, x1, x2, label }) => {
          const name = `${number}. ${formatAsOf(event.startsOn, event.datePrecision, locale)}: ${localized(event, "title", locale)}`;
          // Renewals come every month: they are drawn together as one band of ticks further down.
          if (event.kind === "renewal") return null;
          return (
            <g key={event.id} className={`chart-event chart-event-${event.kind}`} data-event={event.id} data-event-number={number}>
              <title>{name}</title>
              {x2 - x1 > 1 ? (
                <rect x={px(x1)} y={plot.top} width={px(x2 - x1)} height={plot.bottom - plot.top} fill="var(--event-band)" />
              ) : null}
              <line
                x1={px((x1 + x2) / 2)}
                x2={px((x1 + x2) / 2)}
                y1={px(model.eventLineTop)}
                y2={plot.bottom}
                stroke="var(--event)"
                strokeWidth={1}
                strokeDasharray="3 3"
              />
              {label ? <Text line={label} fill="var(--event)" className="chart-event-number" /> : null}
            </g>
          );
        })}
        {model.eventClusters.map((cluster) => (
          <g key={cluster.numbers.join("-")} className="chart-event-more" data-event-numbers={cluster.numbers.join(" ")}>
            <title>{cluster.numbers.join(", ")}</title>
            <Text line={cluster.label} fill="var(--event)" />
          </g>
        ))}
        {model.renewals ? (
          <g className="chart-renewals" data-renewals={model.renewals.count}>
            <title>{`${model.renewals.label.text}: ${model.events
              .filter(({ event }) => event.kind === "renewal")
              .map(({ event }) => formatAsOf(event.startsOn, event.datePrecision, locale))
              .join(", ")}`}</title>
            <Text line={model.renewals.label} fill="var(--event)" className="chart-renewals-label" halo />
            {model.renewals.ticks.map((tick, index) => (
              <line
                key={index}
                x1={px(tick.x1)}
                x2={px(tick.x1)}
                y1={px(model.renewals!.y1)}
                y2={px(model.renewals!.y2)}
                stroke="var(--event)"
                strokeWidth={1.5}
              />
            ))}
          </g>
        ) : null}
      </g>
      <g className="chart-unit">
        {model.unit.map((line, index) => (
          <Text key={index} line={line} fill="var(--muted)" full={model.fullText.unit} halo />
        ))}
        {model.logNote ? <Text line={model.logNote} fill="var(--muted)" className="chart-log-note" halo /> : null}
      </g>
    </>
  );
}

/** What a layout draws over the figures: direct labels or the key, and the source line. */
function OverLayer({ model }: { model: ChartModel }) {
  return (
    <>
      {model.seriesLabels.length ? (
        <g className="chart-direct-labels" data-testid="chart-direct-labels">
          {model.seriesLabels.map((item) => (
            <g key={item.producerId} className={`chart-series-label series-label-${item.producerType}`} data-producer={item.full}>
              {item.leader ? (
                <path
                  d={`M${px(item.leader.x1)},${px(item.leader.y1)}L${px(item.leader.x2)},${px(item.leader.y2)}`}
                  stroke={SERIES_COLORS[item.producerType]}
                  fill="none"
                  aria-hidden="true"
                />
              ) : null}
              <KeyMarker type={item.producerType} cx={item.marker.cx} cy={item.marker.cy} />
              <Text line={item.label} fill={SERIES_COLORS[item.producerType]} full={item.full} quoted />
            </g>
          ))}
        </g>
      ) : null}
      {model.legend.length ? (
        <g className="chart-key" data-testid="chart-key">
          {model.legend.map((item) =>
            item.kind === "type" ? (
              <g key={`type-${item.producerType}`} className={`chart-key-type series-${item.producerType}`}>
                <line
                  x1={px(item.sample.x1)}
                  x2={px(item.sample.x2)}
                  y1={px(item.marker.cy)}
                  y2={px(item.marker.cy)}
                  stroke={SERIES_COLORS[item.producerType]}
                  strokeWidth={2}
                  strokeDasharray={SERIES_DASH[item.producerType]}
                  aria-hidden="true"
                />
                <KeyMarker type={item.producerType} cx={item.marker.cx} cy={item.marker.cy} />
                <Text line={item.label} fill={SERIES_COLORS[item.producerType]} />
              </g>
            ) : null,
          )}
          {legendLines(model.legend).map((line) => (
            // One text per line: the browser spaces the names by their real widths.
            <text
              key={`${line[0]!.producerId}`}
              className="chart-key-producers"
              x={px(line[0]!.label.x)}
              y={px(line[0]!.label.y)}
              fontSize={line[0]!.label.fontSize}
              fill="var(--fg)"
            >
              {line.map((item, index) => (
                <tspan key={item.producerId} dx={index ? 6 : undefined} data-producer={item.full} data-quoted="">
                  {item.full !== item.label.text.replace(/ ·$/, "") ? <title>{item.full}</title> : null}
                  {index ? ` ${item.label.text}` : item.label.text}
                </tspan>
              ))}
            </text>
          ))}
        </g>
      ) : null}
      <g className="chart-source">
        {model.sourceLines.map((line, index) => (
          <Text
            key={index}
            line={line}
            fill="var(--muted)"
            full={model.fullText.sourceLine}
            names={model.series.map((series) => series.producerName)}
          />
        ))}
      </g>
    </>
  );
}

/** The figures: one line and one marker per figure for each series. */
function Figures({ model, locale, idPrefix }: { model: ChartModel; locale: Locale; idPrefix: string }) {
  return (
    <>
      <MarkDefinitions model={{ series: model.series.filter((series) => !series.dense) }} idPrefix={idPrefix} />
      {model.series.map((series) => (
        <g
          key={series.producerId}
          className={`chart-series series-${series.producerType}${series.dense ? " chart-series-dense" : ""}`}
          data-producer={series.producerName}
          stroke={SERIES_COLORS[series.producerType]}
          strokeWidth={2}
          fill="none"
          {...(series.dense ? { "data-dense-series": series.producerId, tabIndex: 0, role: "img" } : {})}
        >
          {series.dense ? <title>{denseSeriesLabel(series, locale)}</title> : null}
          <path d={series.path} strokeDasharray={SERIES_DASH[series.producerType]} aria-hidden="true" />
          {series.dense ? (
            <DenseFigures series={series} />
          ) : (
            series.points.map((point) => (
              <Point key={point.observation.id} point={point} series={series} locale={locale} idPrefix={idPrefix} />
            ))
          )}
        </g>
      ))}
      {model.series.some((series) => series.dense) ? <DenseCursor idPrefix={idPrefix} /> : null}
    </>
  );
}

/**
 * The indicator chart as plain SVG: rendered on the server, readable with JavaScript off, and carrying its own key.
 * With a phone layout, the words of both layouts are drawn (the phone's scaled up to the wide width, hidden
 * until the stylesheet shows it below 600 px) and the figures once, moved onto the phone's plot by a transform.
 */
export function IndicatorChartSvg({ model, narrowModel, locale, title, description, idPrefix, className }: Props) {
  const narrow = model.size === "narrow";
  const fit = narrowModel ? narrowFit(model, narrowModel) : null;
  const height = fit?.height ?? model.height;
  return (
    <svg
      className={[`indicator-chart-svg indicator-chart-${model.size}`, fit ? "indicator-chart-responsive" : "", className ?? ""]
        .filter(Boolean)
        .join(" ")}
      viewBox={`0 0 ${model.width} ${px(height)}`}
      preserveAspectRatio={fit ? "xMinYMin slice" : undefined}
      style={
        fit && narrowModel
          ? ({
              "--chart-wide-ratio": `${model.width} / ${model.height}`,
              "--chart-narrow-ratio": `${narrowModel.width} / ${narrowModel.height}`,
              "--chart-narrow-plot": fit.plot,
              "--chart-narrow-mark": fit.mark,
            } as CSSProperties)
          : undefined
      }
      role="group"
      aria-labelledby={`${idPrefix}-title`}
      aria-describedby={`${idPrefix}-desc`}
      data-testid={narrow ? "chart-svg-narrow" : "chart-svg"}
      data-x-from={model.xDomain?.from}
      data-x-to={model.xDomain?.to}
      data-scale={model.scale}
      fontFamily={CHART_FONT_FAMILY}
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{description}</desc>
      <rect className="chart-background" x={0} y={0} width={model.width} height={px(height)} fill="var(--bg)" />
      {fit && narrowModel ? (
        <>
          <g className="chart-words chart-words-wide">
            <UnderLayer model={model} locale={locale} />
          </g>
          {/* Hidden without the page's stylesheet (a presentation attribute, which any CSS rule overrides). */}
          <g className="chart-words chart-words-narrow" transform={`scale(${px(fit.scale * 1000) / 1000})`} display="none">
            <UnderLayer model={narrowModel} locale={locale} />
          </g>
          <g className="chart-data">
            <Figures model={model} locale={locale} idPrefix={idPrefix} />
          </g>
          <g className="chart-words chart-words-wide">
            <OverLayer model={model} />
          </g>
          <g className="chart-words chart-words-narrow" transform={`scale(${px(fit.scale * 1000) / 1000})`} display="none">
            <OverLayer model={narrowModel} />
          </g>
        </>
      ) : (
        <>
          <UnderLayer model={model} locale={locale} />
          <Figures model={model} locale={locale} idPrefix={idPrefix} />
          <OverLayer model={model} />
        </>
      )}
    </svg>
  );
}

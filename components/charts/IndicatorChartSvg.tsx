import { formatAsOf, formatFigure, formatNumber, producerTypeLabel, QUALIFIER_LABELS, QUALIFIER_MARKS } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import type { ChartModel, PointModel, SeriesModel } from "./chart-model";
import { markerPath, SERIES_COLORS, SERIES_DASH } from "./marker-shapes";

type Props = { model: ChartModel; locale: Locale; title: string; description: string; idPrefix: string };

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

function Point({ point, series, locale }: { point: PointModel; series: SeriesModel; locale: Locale }) {
  const color = SERIES_COLORS[series.producerType];
  const mark = QUALIFIER_MARKS[point.observation.qualifier];
  const label = pointLabel(point, locale);
  return (
    <g
      className={`chart-point chart-point-${series.producerType}`}
      data-observation={point.observation.id}
      tabIndex={0}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {point.periodX2 - point.periodX1 > 1 ? (
        <path
          className="chart-period"
          d={`M${point.periodX1},${point.cy - 4}v8M${point.periodX1},${point.cy}H${point.periodX2}M${point.periodX2},${point.cy - 4}v8`}
          stroke={color}
          strokeOpacity={0.6}
          strokeWidth={1.5}
          fill="none"
        />
      ) : null}
      {point.rangeTopY !== null ? (
        <path
          className="chart-range"
          d={`M${point.cx},${point.cy}V${point.rangeTopY}M${point.cx - 5},${point.rangeTopY}h10M${point.cx - 5},${point.cy}h10`}
          stroke={color}
          strokeWidth={2}
          fill="none"
        />
      ) : null}
      <path
        d={markerPath(series.producerType, point.cx, point.cy)}
        fill={series.producerType === "intergovernmental" ? "none" : "var(--bg)"}
        stroke={color}
        strokeWidth={2}
      />
      {mark ? (
        <text className="chart-qualifier" x={point.cx + 8} y={point.cy - 6} fill={color} fontSize={14} fontWeight={700}>
          {mark}
        </text>
      ) : null}
      <circle className="chart-hit" cx={point.cx} cy={point.cy} r={10} fill="transparent" />
    </g>
  );
}

/** The indicator chart as plain SVG: rendered on the server, readable with JavaScript off. */
export function IndicatorChartSvg({ model, locale, title, description, idPrefix }: Props) {
  const { plot } = model;
  return (
    <svg
      className="indicator-chart-svg"
      viewBox={`0 0 ${model.width} ${model.height}`}
      role="group"
      aria-labelledby={`${idPrefix}-title`}
      aria-describedby={`${idPrefix}-desc`}
      data-testid="chart-svg"
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <desc id={`${idPrefix}-desc`}>{description}</desc>
      <g className="chart-grid" aria-hidden="true">
        {model.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="var(--grid)" />
            <text x={plot.left - 8} y={tick.y + 4} textAnchor="end" fontSize={13} fill="var(--muted)">
              {formatNumber(String(tick.value), locale)}
            </text>
          </g>
        ))}
        {model.xTicks.map((tick) => (
          <g key={tick.year}>
            <line x1={tick.x} x2={tick.x} y1={plot.top} y2={plot.bottom} stroke="var(--grid)" strokeDasharray="2 4" />
            <text x={tick.x} y={plot.bottom + 20} textAnchor="middle" fontSize={13} fill="var(--muted)">
              {tick.year}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="var(--muted)" />
      </g>
      <g className="chart-events">
        {model.events.map(({ event, number, x1, x2 }) => {
          const label = `${number}. ${formatAsOf(event.startsOn, event.datePrecision, locale)}: ${localized(event, "title", locale)}`;
          // Renewals come every month: a short tick along the top keeps them visible without hiding the data.
          const isRenewal = event.kind === "renewal";
          const labelY = plot.top - 8 - (number % 2) * 11;
          return (
            <g key={event.id} className={`chart-event chart-event-${event.kind}`} data-event={event.id}>
              <title>{label}</title>
              {x2 - x1 > 1 ? (
                <rect
                  x={x1}
                  y={plot.top}
                  width={x2 - x1}
                  height={isRenewal ? 8 : plot.bottom - plot.top}
                  fill="var(--event-band)"
                  stroke={isRenewal ? "var(--event)" : "none"}
                />
              ) : (
                <line
                  x1={x1}
                  x2={x1}
                  y1={plot.top}
                  y2={isRenewal ? plot.top + 8 : plot.bottom}
                  stroke="var(--event)"
                  strokeWidth={isRenewal ? 2 : 1}
                  strokeDasharray={isRenewal ? undefined : "3 3"}
                />
              )}
              {isRenewal ? null : (
                <text x={(x1 + x2) / 2} y={labelY} textAnchor="middle" fontSize={11} fill="var(--event)">
                  {number}
                </text>
              )}
            </g>
          );
        })}
      </g>
      {model.series.map((series) => (
        <g key={series.producerId} className={`chart-series series-${series.producerType}`} data-producer={series.producerName}>
          <path
            d={series.path}
            fill="none"
            stroke={SERIES_COLORS[series.producerType]}
            strokeWidth={2}
            strokeDasharray={SERIES_DASH[series.producerType]}
            aria-hidden="true"
          />
          {series.points.map((point) => (
            <Point key={point.observation.id} point={point} series={series} locale={locale} />
          ))}
        </g>
      ))}
    </svg>
  );
}

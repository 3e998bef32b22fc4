import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { type ChartState, toggleHidden, withChange } from "@/lib/charts/chart-state";
import { producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ProducerType } from "@/lib/observations/types";
import { SERIES_TYPE_ORDER } from "@/components/charts/chart-model";
import { markerPath, SERIES_COLORS, SERIES_DASH } from "@/components/charts/marker-shapes";

type Props = {
  state: ChartState;
  locale: Locale;
  basePath: string;
  producerTypes: ProducerType[];
  years: number[];
  /** The drawn figures span orders of magnitude: offer a log axis (the chart model's logScaleUseful). */
  logScaleUseful: boolean;
  /** Some figure here has a secondary source: offer to keep primary and press sources only. */
  anySecondary: boolean;
};

function LegendSwatch({ type }: { type: ProducerType }) {
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" className="legend-swatch">
      <path d="M1,7H33" stroke={SERIES_COLORS[type]} strokeWidth={2} strokeDasharray={SERIES_DASH[type]} />
      <path
        d={markerPath(type, 17, 7, 4)}
        fill={type === "intergovernmental" ? "none" : "var(--bg)"}
        stroke={SERIES_COLORS[type]}
        strokeWidth={2}
      />
    </svg>
  );
}

/**
 * Every control is a link or a GET form: the state is the URL, and it all works without JavaScript.
 * They sit in a disclosure, closed on phones so the chart comes first; on wider screens the CSS shows
 * them open whatever its state (globals.css, .chart-controls-disclosure).
 */
export async function ChartControls({ state, locale, basePath, producerTypes, years, logScaleUseful, anySecondary }: Props) {
  const [t, ts, tt] = await Promise.all([
    getTranslations({ locale, namespace: "indicator" }),
    getTranslations({ locale, namespace: "selection" }),
    getTranslations({ locale, namespace: "sourceTrust" }),
  ]);
  const href = (change: Partial<ChartState>) => `${basePath}${withChange(state, change)}`;
  const present = SERIES_TYPE_ORDER.filter((type) => producerTypes.includes(type));
  return (
    <details className="chart-controls-disclosure" open={state.view === "table" || undefined} data-testid="chart-controls">
      <summary>{ts("filters")}</summary>
      <div className="chart-controls">
        <nav aria-label={t("views")} className="view-tabs">
          <Link href={href({ view: "chart" })} aria-current={state.view === "chart" ? "page" : undefined} scroll={false}>
            {t("chart")}
          </Link>
          <Link href={href({ view: "table" })} aria-current={state.view === "table" ? "page" : undefined} scroll={false}>
            {t("table")}
          </Link>
        </nav>
        <fieldset className="series-toggles">
          <legend>{t("series")}</legend>
          <ul>
            {present.map((type) => {
              const hidden = state.hidden.includes(type);
              const label = producerTypeLabel(type, locale);
              return (
                <li key={type}>
                  <Link
                    href={href({ hidden: toggleHidden(state, type) })}
                    scroll={false}
                    className={hidden ? "series-toggle is-hidden" : "series-toggle"}
                    data-series-toggle={type}
                    aria-label={hidden ? t("show", { type: label }) : t("hide", { type: label })}
                  >
                    <LegendSwatch type={type} />
                    <span>{label}</span>
                    {hidden ? <span className="muted"> ({t("hiddenNote")})</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {anySecondary || state.sources !== "all" ? (
          <fieldset className="source-filter" data-testid="source-filter">
            <legend>{tt("filter.legend")}</legend>
            <ul>
              {(["all", "firsthand"] as const).map((sources) => (
                <li key={sources}>
                  <Link
                    href={href({ sources, page: 1 })}
                    scroll={false}
                    aria-current={state.sources === sources ? "true" : undefined}
                    data-source-filter={sources}
                  >
                    {sources === "all" ? tt("filter.all") : tt("filter.firstHand")}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="muted">{tt("filter.explain")}</p>
          </fieldset>
        ) : null}
        <form method="get" action={basePath} className="time-range">
          <fieldset>
            <legend>{t("timeRange")}</legend>
            {state.hidden.length ? <input type="hidden" name="hide" value={state.hidden.join(",")} /> : null}
            {!state.events ? <input type="hidden" name="events" value="0" /> : null}
            {state.view !== "chart" ? <input type="hidden" name="view" value={state.view} /> : null}
            {state.scale !== "linear" ? <input type="hidden" name="scale" value={state.scale} /> : null}
            {state.sources !== "all" ? <input type="hidden" name="sources" value={state.sources} /> : null}
            {(["from", "to"] as const).map((end) => (
              <Fragment key={end}>
                <label>
                  {t(end)}{" "}
                  <select name={end} defaultValue={state[end] ?? ""}>
                    <option value="">—</option>
                    {years.map((year) => (
                      <option key={year} value={year}>
                        {year}
                      </option>
                    ))}
                  </select>
                </label>{" "}
              </Fragment>
            ))}
            <button type="submit">{t("apply")}</button>
            <span className="range-presets">
              <Link href={href({ from: null, to: null })} scroll={false}>
                {t("allYears")}
              </Link>
              <Link href={href({ from: 2022, to: null })} scroll={false}>
                {t("sinceRegime")}
              </Link>
            </span>
          </fieldset>
        </form>
        <Link
          href={href({ events: !state.events })}
          scroll={false}
          className="events-toggle"
          data-events-toggle={state.events ? "on" : "off"}
        >
          {state.events ? t("hideEvents") : t("showEvents")}
        </Link>
        {state.view === "chart" && (logScaleUseful || state.scale === "log") ? (
          <Link
            href={href({ scale: state.scale === "log" ? "linear" : "log" })}
            scroll={false}
            className="scale-toggle"
            data-scale-toggle={state.scale === "log" ? "linear" : "log"}
            title={ts("scaleNote")}
          >
            {state.scale === "log" ? ts("linearScale") : ts("logScale")}
          </Link>
        ) : null}
      </div>
    </details>
  );
}

import { getTranslations } from "next-intl/server";
import { buildChartModel } from "@/components/charts/chart-model";
import { chartStateQuery, type ChartState } from "@/lib/chart-state";
import { findDiscrepancies } from "@/lib/discrepancy";
import type { PublicEvent } from "@/lib/events";
import type { PublicFraming } from "@/lib/framings";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators";
import { localized } from "@/lib/localized";
import type { PublicObservation } from "@/lib/observation-types";
import { ChartControls } from "./ChartControls";
import { ChartEventsList } from "./ChartEventsList";
import { ChartLegend } from "./ChartLegend";
import { Definitions } from "./Definitions";
import { DownloadsAndCitation } from "./DownloadsAndCitation";
import { DiscrepancyTable } from "./DiscrepancyTable";
import { FramingsSideBySide } from "./FramingsSideBySide";
import { IndicatorChartPanel } from "./IndicatorChartPanel";
import { ObservationTable } from "./ObservationTable";

type Props = {
  /** Absolute address of this page, for citations. */
  pageUrl: string;
  indicator: IndicatorSummary;
  observations: PublicObservation[];
  events: PublicEvent[];
  framings: PublicFraming[];
  state: ChartState;
  locale: Locale;
};

export async function IndicatorPage({ pageUrl, indicator, observations, events, framings, state, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const name = localized(indicator, "name", locale);
  const basePath = `/${locale}/indicators/${indicator.slug}`;
  const model = buildChartModel(observations, events, state);
  const years = [...new Set(observations.map((o) => Number(o.asOf.slice(0, 4))))].sort((a, b) => a - b);
  const producerTypes = [...new Set(observations.map((o) => o.producer.type))];
  const table = <ObservationTable observations={observations} state={state} locale={locale} basePath={basePath} />;
  return (
    <article className="indicator-page">
      <h1>{name}</h1>
      <p className="lede">{localized(indicator, "description", locale)}</p>
      <ChartControls state={state} locale={locale} basePath={basePath} producerTypes={producerTypes} years={years} />
      {state.view === "chart" ? (
        <div className="chart-layout">
          <div className="chart-main">
            <IndicatorChartPanel model={model} name={name} locale={locale} />
            <ChartLegend locale={locale} />
          </div>
          <ChartEventsList events={model.events} locale={locale} />
        </div>
      ) : (
        <section aria-labelledby="table-heading">
          <h2 id="table-heading">{t("allFigures")}</h2>
          {table}
        </section>
      )}
      <FramingsSideBySide framings={framings} locale={locale} />
      <DiscrepancyTable discrepancies={findDiscrepancies(observations.filter((o) => o.status === "published"))} locale={locale} />
      <Definitions indicator={indicator} locale={locale} />
      <DownloadsAndCitation slug={indicator.slug} name={name} locale={locale} pageUrl={pageUrl} embedUrl={`${pageUrl.replace(`/indicators/`, `/embed/`)}${chartStateQuery(state)}`} />
      {state.view === "chart" ? (
        <section aria-labelledby="all-figures-heading">
          <h2 id="all-figures-heading">{t("allFigures")}</h2>
          {table}
        </section>
      ) : null}
    </article>
  );
}

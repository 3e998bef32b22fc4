import { getTranslations } from "next-intl/server";
import { buildChartModels } from "@/components/charts/chart-text";
import { type ChartData, thinningOf } from "@/lib/observations/chart-points";
import { chartStateQuery, type ChartState } from "@/lib/charts/chart-state";
import type { PublicEvent } from "@/lib/events/queries";
import type { PublicFraming } from "@/lib/indicators/framings";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ObservationPage } from "@/lib/observations/indicator-figures";
import type { FigureComparisons } from "@/lib/observations/figure-comparisons";
import { unitFor, type IndicatorSummary } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import type { ProducerType } from "@/lib/observations/types";
import { ChartControls } from "./ChartControls";
import { ChartEventsList } from "./ChartEventsList";
import { ChartLegend } from "./ChartLegend";
import { Definitions } from "./Definitions";
import { DownloadsAndCitation } from "./DownloadsAndCitation";
import { FiguresThatDisagree } from "./FiguresThatDisagree";
import { FramingsSideBySide } from "./FramingsSideBySide";
import { IndicatorChartPanel } from "./IndicatorChartPanel";
import { ObservationTable } from "./ObservationTable";

type Props = {
  /** Absolute address of this page, for citations. */
  pageUrl: string;
  indicator: IndicatorSummary;
  /** What the chart draws (thinned when dense) and what its text alternative says; null in the table view. */
  chart: ChartData | null;
  /** The page of the figures table the URL asks for. */
  table: ObservationPage;
  discrepancies: FigureComparisons;
  /** Years and producer types with figures, for the controls. */
  years: number[];
  producerTypes: ProducerType[];
  events: PublicEvent[];
  framings: PublicFraming[];
  state: ChartState;
  locale: Locale;
};

export async function IndicatorPage({
  pageUrl,
  indicator,
  chart,
  table: tablePage,
  discrepancies,
  years,
  producerTypes,
  events,
  framings,
  state,
  locale,
}: Props) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const name = localized(indicator, "name", locale);
  const basePath = getPathname({ href: `/indicators/${indicator.slug}`, locale });
  const tableHeading = chart ? "all-figures-heading" : "table-heading";
  const table = <ObservationTable page={tablePage} state={state} locale={locale} basePath={basePath} anchor={tableHeading} />;
  return (
    <article className="indicator-page">
      <h1>{name}</h1>
      <p className="lede">{localized(indicator, "description", locale)}</p>
      <ChartControls state={state} locale={locale} basePath={basePath} producerTypes={producerTypes} years={years} />
      {chart ? (
        <ChartView
          chart={chart}
          events={events}
          state={state}
          name={name}
          locale={locale}
          unit={unitFor(indicator, locale)}
          pageUrl={pageUrl}
        />
      ) : (
        <section aria-labelledby="table-heading">
          <h2 id="table-heading">{t("allFigures")}</h2>
          {table}
        </section>
      )}
      <FramingsSideBySide framings={framings} locale={locale} />
      <FiguresThatDisagree comparisons={discrepancies} locale={locale} />
      <Definitions indicator={indicator} locale={locale} />
      <DownloadsAndCitation
        slug={indicator.slug}
        name={name}
        locale={locale}
        pageUrl={pageUrl}
        embedUrl={`${pageUrl.replace(`/indicators/`, `/embed/`)}${chartStateQuery({ ...state, page: 1 })}`}
      />
      {chart ? (
        <section aria-labelledby="all-figures-heading">
          <h2 id="all-figures-heading">{t("allFigures")}</h2>
          {table}
        </section>
      ) : null}
    </article>
  );
}

async function ChartView({
  chart,
  events,
  state,
  name,
  locale,
  unit,
  pageUrl,
}: {
  chart: ChartData;
  events: PublicEvent[];
  state: ChartState;
  name: string;
  locale: Locale;
  unit: string;
  pageUrl: string;
}) {
  // The chart draws its own title, unit, key and source line, at the wide and the phone size.
  const { wide: model, narrow: narrowModel } = await buildChartModels(chart.observations, events, state, {
    locale,
    title: name,
    unit,
    pageUrl,
  });
  return (
    <div className="chart-layout">
      <div className="chart-main">
        <IndicatorChartPanel
          model={model}
          narrowModel={narrowModel}
          summary={chart.summary}
          thinning={thinningOf(chart)}
          name={name}
          locale={locale}
        />
        <ChartLegend locale={locale} />
      </div>
      <ChartEventsList events={model.events} locale={locale} />
    </div>
  );
}

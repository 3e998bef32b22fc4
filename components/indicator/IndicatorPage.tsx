import { getTranslations } from "next-intl/server";
import { buildChartModels } from "@/components/charts/chart-text";
import { type ChartData, thinningOf } from "@/lib/observations/chart-points";
import { chartStateQuery, type ChartState } from "@/lib/charts/chart-state";
import type { PublicEvent } from "@/lib/events/queries";
import type { PublicFraming } from "@/lib/indicators/framings";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ObservationPage, SelectionCounts } from "@/lib/observations/indicator-figures";
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
import { disagreementsViewQuery } from "@/lib/observations/disagreements-view";
import { FramingsSideBySide } from "./FramingsSideBySide";
import { IndicatorChartPanel } from "./IndicatorChartPanel";
import { ObservationTable } from "./ObservationTable";
import { SelectionSummary } from "./SelectionSummary";

type Props = {
  /** Absolute address of this page, for citations. */
  pageUrl: string;
  indicator: IndicatorSummary;
  /** What the chart draws (thinned when dense) and what its text alternative says; null in the table view. */
  chart: ChartData | null;
  /** The page of the figures table the URL asks for (the reader's selection applied). */
  table: ObservationPage;
  /** How many figures the reader's selection keeps, of how many. */
  counts: SelectionCounts;
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
  counts,
  discrepancies,
  years,
  producerTypes,
  events,
  framings,
  state,
  locale,
}: Props) {
  const ts = await getTranslations({ locale, namespace: "selection" });
  const name = localized(indicator, "name", locale);
  const basePath = getPathname({ href: `/indicators/${indicator.slug}`, locale });
  const tableHeading = chart ? "all-figures-heading" : "table-heading";
  // The chart draws its own title, unit, key and source line, at the wide and the phone size.
  const hiddenSecondary = chart && state.sources === "firsthand" ? chart.hiddenSecondary : null;
  const models = chart
    ? await buildChartModels(chart.observations, events, state, {
        locale,
        title: name,
        unit: unitFor(indicator, locale),
        pageUrl,
        hiddenSecondary,
      })
    : null;
  const controls = (
    <ChartControls
      state={state}
      locale={locale}
      basePath={basePath}
      producerTypes={producerTypes}
      years={years}
      logScaleUseful={models?.wide.logScaleUseful ?? false}
      anySecondary={counts.anySecondary}
    />
  );
  const summary = <SelectionSummary counts={counts} state={state} locale={locale} action={{ kind: "showAll", basePath }} />;
  const table = (
    <section aria-labelledby={tableHeading}>
      <h2 id={tableHeading}>{ts("allFiguresHeading")}</h2>
      {summary}
      <ObservationTable page={tablePage} state={state} locale={locale} basePath={basePath} anchor={tableHeading} />
    </section>
  );
  // One order on every width: what the figures are, the chart, the controls (beside the chart on wide
  // screens, folded under it on phones) with what the selection keeps, the chart's events, then the
  // disagreements, the framings, the definitions, the downloads and every figure.
  return (
    <article className="indicator-page">
      <h1>{name}</h1>
      <p className="lede">{firstSentence(localized(indicator, "description", locale))}</p>
      {chart && models ? (
        <div className="chart-layout">
          <div className="chart-main">
            <IndicatorChartPanel
              model={models.wide}
              narrowModel={models.narrow}
              summary={chart.summary}
              thinning={thinningOf(chart)}
              hiddenSecondary={hiddenSecondary}
              name={name}
              locale={locale}
              slug={indicator.slug}
              state={state}
            />
            <ChartLegend locale={locale} />
          </div>
          <div className="chart-side">
            {controls}
            {summary}
          </div>
          <div className="chart-events">
            <ChartEventsList events={models.wide.events} indicatorSlug={indicator.slug} locale={locale} />
          </div>
        </div>
      ) : (
        <>
          {controls}
          {table}
        </>
      )}
      <FiguresThatDisagree
        comparisons={discrepancies}
        locale={locale}
        allGroupsHref={`${basePath}/disagreements${disagreementsViewQuery({ sources: state.sources, page: 1 })}`}
      />
      <FramingsSideBySide framings={framings} locale={locale} />
      <Definitions indicator={indicator} locale={locale} />
      <DownloadsAndCitation
        slug={indicator.slug}
        name={name}
        locale={locale}
        pageUrl={pageUrl}
        embedUrl={`${pageUrl.replace(`/indicators/`, `/embed/`)}${chartStateQuery({ ...state, page: 1 })}`}
        state={state}
        counts={counts}
      />
      {chart ? table : null}
    </article>
  );
}

/** The lede is the description's first sentence; the whole description opens "What the figures count" below. */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](?=\s+[\p{Lu}¿¡"'(])/u);
  return end === -1 ? text : text.slice(0, end + 1);
}

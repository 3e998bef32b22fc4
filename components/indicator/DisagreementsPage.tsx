import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import type { FigureComparisons } from "@/lib/observations/figure-comparisons";
import { disagreementsViewQuery, type DisagreementsView } from "@/lib/observations/disagreements-view";
import { chartStateQuery, DEFAULT_CHART_STATE } from "@/lib/charts/chart-state";
import { AllFiguresThatDisagree } from "./FiguresThatDisagree";

/** Every group of an indicator's comparable figures, linked from the indicator page's first few. */
export async function DisagreementsPage({
  indicator,
  comparisons,
  view,
  locale,
}: {
  indicator: IndicatorSummary;
  comparisons: FigureComparisons;
  view: DisagreementsView;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "disagree" });
  const name = localized(indicator, "name", locale);
  const indicatorPath = getPathname({ href: `/indicators/${indicator.slug}`, locale });
  const back = `${indicatorPath}${chartStateQuery({ ...DEFAULT_CHART_STATE, sources: view.sources })}#discrepancy-heading`;
  return (
    <article>
      <p>
        <a href={back}>← {t("back", { indicator: name })}</a>
      </p>
      <h1>{t("pageTitle", { indicator: name })}</h1>
      <AllFiguresThatDisagree
        comparisons={comparisons}
        locale={locale}
        page={view.page}
        pageHref={(page) => `${indicatorPath}/disagreements${disagreementsViewQuery({ ...view, page })}`}
      />
    </article>
  );
}

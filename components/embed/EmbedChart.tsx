import { getTranslations } from "next-intl/server";
import { buildChartModels } from "@/components/charts/chart-text";
import { IndicatorChartPanel } from "@/components/indicator/IndicatorChartPanel";
import { type ChartData, thinningOf } from "@/lib/observations/chart-points";
import type { ChartState } from "@/lib/charts/chart-state";
import type { PublicEvent } from "@/lib/events/queries";
import type { Locale } from "@/lib/i18n/routing";
import { ReportHeight } from "./ReportHeight";
import styles from "./embed.module.css";

type Props = {
  slug: string;
  name: string;
  chart: ChartData;
  events: PublicEvent[];
  state: ChartState;
  locale: Locale;
  pageUrl: string;
  /** The indicator's unit in this language, drawn on the chart's axis. */
  unit: string;
};

/** One chart for other sites: the chart (which draws its title, key and source line), the figures' sources one click away, and a link back. */
export async function EmbedChart({ slug, name, chart, events, state, locale, pageUrl, unit }: Props) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const hiddenSecondary = state.sources === "firsthand" ? chart.hiddenSecondary : null;
  const { wide: model, narrow: narrowModel } = await buildChartModels(chart.observations, events, state, {
    locale,
    title: name,
    unit,
    pageUrl,
    hiddenSecondary,
  });
  return (
    <div className={`embed ${styles.embed}`} data-testid="embed">
      <h1 className="embed-title">{name}</h1>
      <IndicatorChartPanel
        model={model}
        narrowModel={narrowModel}
        summary={chart.summary}
        thinning={thinningOf(chart)}
        hiddenSecondary={hiddenSecondary}
        embedded
        name={name}
        locale={locale}
        slug={slug}
        state={state}
      />
      {/* The producers and the source line are drawn in the chart itself: under it, only the way back. */}
      <p className="embed-source">
        <a href={pageUrl} target="_blank" rel="noopener">
          {t("embedLinkBack")}
        </a>
      </p>
      <ReportHeight slug={slug} />
    </div>
  );
}

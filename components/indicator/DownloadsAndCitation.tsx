import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { EmbedButton } from "@/components/embed/EmbedButton";
import { getPathname } from "@/lib/i18n/navigation";
import type { ChartState } from "@/lib/charts/chart-state";
import type { SelectionCounts } from "@/lib/observations/indicator-figures";
import { selectionDownloadQuery } from "@/lib/observations/selection";
import { ChartExport } from "./ChartExport";
import { SelectionSummary } from "./SelectionSummary";

type Props = {
  slug: string;
  name: string;
  locale: Locale;
  pageUrl: string;
  embedUrl: string;
  /** The reader's selection: the data files keep the figures it keeps, and say so. */
  state: ChartState;
  counts: SelectionCounts;
};

/** Data downloads (every row of the selection with its source and a citation), chart images, and a citation to copy. */
export async function DownloadsAndCitation({ slug, name, locale, pageUrl, embedUrl, state, counts }: Props) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const accessed = new Date().toISOString().slice(0, 10);
  const citation = t("citation", { name, url: pageUrl, date: accessed });
  // all=true: every figure of the selection in one file, however many pages the API would otherwise give.
  const api = `/api/v1/indicators/${slug}/observations`;
  return (
    <section aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">{t("downloads")}</h2>
      <SelectionSummary counts={counts} state={state} locale={locale} action={{ kind: "downloadAll", slug }} />
      <p className="download-links">
        <a href={`${api}${selectionDownloadQuery(state, "csv")}`} download={`${slug}.csv`} data-testid="download-csv">
          {t("downloadCsv")}
        </a>
        <a href={`${api}${selectionDownloadQuery(state, "json")}`} download={`${slug}.json`} data-testid="download-json">
          {t("downloadJson")}
        </a>
        <ChartExport
          chartUrl={`${getPathname({ href: `/indicators/${slug}/chart.svg`, locale })}${new URL(embedUrl).search}`}
          fileName={slug}
          labels={{ svg: t("downloadSvg"), png: t("downloadPng") }}
        />
      </p>
      <EmbedButton embedUrl={embedUrl} name={name} locale={locale} />
      <h3>{t("citeThis")}</h3>
      <p className="citation" data-testid="citation">
        {citation}
      </p>
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ChartState } from "@/lib/charts/chart-state";
import { withChange } from "@/lib/charts/chart-state";
import type { Locale } from "@/lib/i18n/routing";
import type { SelectionCounts } from "@/lib/observations/indicator-figures";
import { selectionDownloadQuery, selectsEverything } from "@/lib/observations/selection";
import { describeSelection } from "./selection-text";

type Props = {
  counts: SelectionCounts;
  state: ChartState;
  locale: Locale;
  /** Beside the table: a link to the page without the selection. In the downloads: links to every figure's files. */
  action: { kind: "showAll"; basePath: string } | { kind: "downloadAll"; slug: string };
};

/** "12 of 23 figures: Academic and NGO, 2019–2024 · show all": what the chart, the table and the downloads keep. */
export async function SelectionSummary({ counts, state, locale, action }: Props) {
  const [t, tt] = await Promise.all([
    getTranslations({ locale, namespace: "selection" }),
    getTranslations({ locale, namespace: "sourceTrust" }),
  ]);
  const sentence = describeSelection(t, counts, state, locale, tt("filter.selectionPart"));
  const everything = selectsEverything(state);
  const api = action.kind === "downloadAll" ? `/api/v1/indicators/${action.slug}/observations` : "";
  const all = { hidden: [], from: null, to: null, sources: "all" as const };
  return (
    <p className="selection-summary" data-testid="selection-summary" data-selected={counts.selected} data-total={counts.total}>
      <span>{sentence}</span>
      {everything ? null : action.kind === "showAll" ? (
        <>
          {" · "}
          <Link href={`${action.basePath}${withChange(state, { ...all, page: 1 })}`} scroll={false} data-testid="selection-show-all">
            {t("showAll")}
          </Link>
        </>
      ) : (
        <>
          {" · "}
          {t("downloadAll")}:{" "}
          <a href={`${api}${selectionDownloadQuery(all, "csv")}`} download={`${action.slug}.csv`} data-testid="download-all-csv">
            CSV
          </a>{" "}
          <a href={`${api}${selectionDownloadQuery(all, "json")}`} download={`${action.slug}.json`}>
            JSON
          </a>
        </>
      )}
    </p>
  );
}

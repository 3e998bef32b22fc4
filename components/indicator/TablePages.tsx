import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type ChartState, withChange } from "@/lib/charts/chart-state";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ObservationPage } from "@/lib/observations/indicator-figures";

type Props = { page: ObservationPage; state: ChartState; locale: Locale; basePath: string; anchor: string; position: "start" | "end" };

/** Which figures the table shows and links to the other pages (plain links: they work without JavaScript). */
export async function TablePages({ page, state, locale, basePath, anchor, position }: Props) {
  if (page.pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "indicator" });
  const number = (value: number) => formatNumber(String(value), locale);
  const first = (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const href = (target: number) => `${basePath}${withChange(state, { page: target })}#${anchor}`;
  const link = (target: number, label: string, rel?: string) =>
    target >= 1 && target <= page.pageCount && target !== page.page ? (
      <Link href={href(target)} rel={rel}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className="muted">
        {label}
      </span>
    );
  return (
    <nav aria-label={t(position === "start" ? "tablePages" : "tablePagesEnd")} className="table-pages">
      <span>{t("tableRange", { first: number(first), last: number(last), total: number(page.total) })}</span>
      {link(1, t("firstPage"))}
      {link(page.page - 1, t("previousPage"), "prev")}
      <span>{t("pageOf", { page: number(page.page), pageCount: number(page.pageCount) })}</span>
      {link(page.page + 1, t("nextPage"), "next")}
      {link(page.pageCount, t("lastPage"))}
    </nav>
  );
}

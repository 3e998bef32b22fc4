import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type ChartState, SORT_KEYS, withChange } from "@/lib/charts/chart-state";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ObservationPage } from "@/lib/observations/indicator-figures";
import { localizedOrOther } from "@/lib/i18n/localized";
import { InLanguage, Quoted } from "@/components/text/Quoted";
import { TablePages } from "./TablePages";
import { StaffEditLink } from "./StaffEditLink";
import { staffEditProps } from "./staff-edit-props";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords } from "@/components/sources/source-link-text";
import { getPathname } from "@/lib/i18n/navigation";
import { FigureDetailsLink } from "./FigureDetailsLink";

/** The figure's note in the reader's language, else the one it has, marked with its language. */
function Note({ observation, locale }: { observation: ObservationPage["rows"][number]; locale: Locale }) {
  const note = localizedOrOther(observation, "note", locale);
  return note ? <InLanguage text={note} locale={locale} /> : null;
}

type Props = { page: ObservationPage; state: ChartState; locale: Locale; basePath: string; anchor: string };

const COLUMN_LABELS: Record<(typeof SORT_KEYS)[number], string> = {
  asOf: "asOf",
  value: "figure",
  producer: "producer",
  type: "type",
  publisher: "publisher",
  publishedAt: "publishedAt",
};

/**
 * Every figure with its provenance, a page at a time (sorted and paged by the database); headers and
 * page links are links, so sorting and paging work without JavaScript and live in the URL.
 */
export async function ObservationTable({ page, state, locale, basePath, anchor }: Props) {
  const [t, ts, editLink, words] = await Promise.all([
    getTranslations({ locale, namespace: "indicator" }),
    getTranslations({ locale, namespace: "sourceTrust" }),
    staffEditProps(locale),
    getSourceLinkWords(locale),
  ]);
  const header = (key: (typeof SORT_KEYS)[number]) => {
    const active = state.sort === key;
    const nextDir = active && state.dir === "asc" ? "desc" : "asc";
    const label = t(COLUMN_LABELS[key]);
    return (
      <th scope="col" aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link
          href={`${basePath}${withChange(state, { sort: key, dir: nextDir, page: 1 })}`}
          scroll={false}
          aria-label={t("sortBy", { column: label })}
        >
          {label}
          {active ? <span aria-hidden="true">{state.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      </th>
    );
  };
  const pages = (position: "start" | "end") => (
    <TablePages page={page} state={state} locale={locale} basePath={basePath} anchor={anchor} position={position} />
  );
  return (
    <>
      {pages("start")}
      <div className="table-scroll">
        <table className="data-table observation-table">
          <caption className="visually-hidden">{t("allFigures")}</caption>
          <thead>
            <tr>
              {header("value")}
              {header("asOf")}
              <th scope="col">{t("precision")}</th>
              {header("producer")}
              {header("type")}
              {header("publisher")}
              {header("publishedAt")}
              <th scope="col">{t("note")}</th>
              <th scope="col">{t("source")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((observation) => (
              <tr key={observation.id} data-observation={observation.id} data-status={observation.status}>
                <td className="number">
                  {formatFigure(observation, locale)}
                  {observation.retraction ? (
                    <span className="retracted-label">
                      {" "}
                      {t("retracted")}
                      {observation.retraction.reason ? (
                        <>
                          : <Quoted>{observation.retraction.reason}</Quoted>
                        </>
                      ) : null}
                    </span>
                  ) : null}
                  <StaffEditLink {...editLink(observation)} />
                </td>
                <td>{formatAsOf(observation.asOf, observation.datePrecision, locale)}</td>
                <td>{t(`precisions.${observation.datePrecision}`)}</td>
                <td>
                  <Quoted>{observation.producer.name}</Quoted>
                </td>
                <td>{producerTypeLabel(observation.producer.type, locale)}</td>
                <td>{observation.source.publisher ? <Quoted>{observation.source.publisher}</Quoted> : null}</td>
                <td>{observation.source.publishedAt ? formatAsOf(observation.source.publishedAt, "day", locale) : "—"}</td>
                <td className="note">
                  <Note observation={observation} locale={locale} />
                </td>
                <td>
                  <SourceLink source={observation.source} text={words.text} formatDay={words.formatDay}>
                    {observation.attribution}
                  </SourceLink>
                  <br />
                  <FigureDetailsLink
                    href={getPathname({ href: `/figures/${observation.id}`, locale })}
                    label={ts("link.detailsShort")}
                    context={`${formatFigure(observation, locale)}, ${formatAsOf(observation.asOf, observation.datePrecision, locale)}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages("end")}
    </>
  );
}

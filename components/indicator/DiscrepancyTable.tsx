import { getTranslations } from "next-intl/server";
import type { Discrepancy } from "@/lib/observations/discrepancy";
import { formatAsOf, formatFigure, formatNumber, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicObservation } from "@/lib/observations/types";

function SourcedFigure({ observation, locale }: { observation: PublicObservation; locale: Locale }) {
  return (
    <>
      <strong>{formatFigure(observation, locale)}</strong>{" "}
      <span className="muted">
        {observation.producer.name} ({producerTypeLabel(observation.producer.type, locale)})
      </span>{" "}
      <a href={observation.source.url} rel="noopener noreferrer" className="source-link">
        {observation.source.publisher ?? new URL(observation.source.url).hostname}
      </a>
    </>
  );
}

/** `more`: older pairs exist beyond the most recent ones listed. */
export async function DiscrepancyTable({ discrepancies, more, locale }: { discrepancies: Discrepancy[]; more: boolean; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "indicator" });
  const signed = (value: string) => `${value.startsWith("-") ? "" : "+"}${formatNumber(value, locale)}`;
  return (
    <section aria-labelledby="discrepancy-heading" className="discrepancy">
      <h2 id="discrepancy-heading">{t("discrepancy")}</h2>
      <p className="muted">{t("discrepancyIntro")}</p>
      {more ? <p className="muted">{t("discrepancyRecent", { count: discrepancies.length })}</p> : null}
      {discrepancies.length === 0 ? (
        <p>{t("noDiscrepancy")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="discrepancy-table">
            <thead>
              <tr>
                <th scope="col">{t("period")}</th>
                <th scope="col">{t("officialFigure")}</th>
                <th scope="col">{t("independentFigure")}</th>
                <th scope="col">{t("gap")}</th>
                <th scope="col">{t("gapPercent")}</th>
              </tr>
            </thead>
            <tbody>
              {discrepancies.map((row) => (
                <tr key={`${row.official.id}-${row.independent.id}`}>
                  <td>{formatAsOf(row.official.asOf, row.official.datePrecision, locale)}</td>
                  <td>
                    <SourcedFigure observation={row.official} locale={locale} />
                  </td>
                  <td>
                    <SourcedFigure observation={row.independent} locale={locale} />
                  </td>
                  <td className="number" title={row.approximate ? t("approximate") : undefined}>
                    {row.approximate ? "≈ " : ""}
                    {signed(row.gap)}
                  </td>
                  <td className="number">{row.percent === null ? "—" : `${row.approximate ? "≈ " : ""}${signed(row.percent)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

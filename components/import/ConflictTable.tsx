"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Conflict, ImportSummary } from "./api";
import styles from "./import.module.css";
import results from "./results.module.css";
import { useRejectionText } from "./rejection-text";

type Props = { conflicts: ImportSummary["conflicts"] };

/** Rows that differ from a stored figure of the same producer and period, each beside that figure, and what the import does with it. */
export function ConflictTable({ conflicts }: Props) {
  const t = useTranslations("importResults.preview");
  const reasonText = useRejectionText();
  const form = useTranslations("editor.form");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  // Exact decimals as stored, never rounded: only the decimal sign follows the page's language.
  const decimal = (text: string) => (locale === "es" ? text.replace(".", ",") : text);
  // A hedge other than "exact" is said in words before the number, as the form says it.
  const figure = (facts: Conflict["file"]) =>
    [
      facts.qualifier === "exact" ? "" : `${form(`qualifiers.${facts.qualifier as "about"}`)} `,
      decimal(facts.value),
      facts.valueMax ? `–${decimal(facts.valueMax)}` : "",
    ].join("");
  const corrections = conflicts.total - conflicts.setAside;
  return (
    <>
      <h3 id="import-conflicts-title">{t("conflictsTitle")}</h3>
      <p className={results.conflictIntro}>{t("conflictsIntro")}</p>
      <p data-testid="import-conflicts-count">
        {t("conflictsCount", { total: conflicts.total, corrections, setAside: conflicts.setAside })}{" "}
        {conflicts.total > conflicts.listed.length
          ? t("conflictsTruncated", { shown: conflicts.listed.length, total: conflicts.total })
          : null}
      </p>
      <div className="table-scroll">
        <table className={`data-table ${styles.table} ${results.conflicts}`} data-testid="import-conflicts">
          <caption>{t("conflictsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("row")}</th>
              <th scope="col">{t("figure")}</th>
              <th scope="col">{t("inFile")}</th>
              <th scope="col">{t("stored")}</th>
              <th scope="col">{t("outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.listed.map((conflict) => (
              <tr key={conflict.row}>
                <td className="number">{number.format(conflict.row)}</td>
                <td>
                  <code>{conflict.indicator}</code>
                  <span className={results.meta}>
                    <span data-quoted>{conflict.producer}</span> · {conflict.asOf} ({form(`precisions.${conflict.datePrecision as "year"}`)}
                    )
                  </span>
                </td>
                <td data-testid="conflict-file">
                  <span className={results.value}>{figure(conflict.file)}</span>
                  <span className={results.meta} data-quoted>
                    {conflict.file.publisher}
                  </span>
                  <span className={results.meta} data-quoted>
                    {conflict.file.sourceUrl}
                  </span>
                </td>
                <td data-testid="conflict-stored">
                  <span className={results.value}>{figure(conflict.stored)}</span> ({t(`status.${conflict.stored.status}`)})
                  <span className={results.meta} data-quoted>
                    {conflict.stored.publisher}
                  </span>
                  <span className={results.meta} data-quoted>
                    {conflict.stored.sourceUrl}
                  </span>
                </td>
                <td>
                  {conflict.outcome === "correction" ? (
                    t("correction")
                  ) : (
                    <span className={results.setAside}>
                      {t("setAsideOutcome", {
                        reason: reasonText({
                          code: conflict.code ?? undefined,
                          values: { storedValue: conflict.stored.value, fileValue: conflict.file.value },
                          message: "",
                        }),
                      })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

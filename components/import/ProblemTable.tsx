"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { RowError } from "./api";
import styles from "./import.module.css";
import { useRejectionText } from "./rejection-text";

const PAGE_SIZE = 25;

type Props = { errors: RowError[] };

/** The problems the server listed (the first hundred at most), 25 per page to keep the page short. */
export function ProblemTable({ errors }: Props) {
  const t = useTranslations("import.ui");
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const pageCount = Math.max(1, Math.ceil(errors.length / PAGE_SIZE));
  const shown = errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const number = new Intl.NumberFormat(locale);
  const problemText = useRejectionText();
  return (
    <>
      <div className="table-scroll">
        <table className={`data-table ${styles.table}`} data-testid="import-problems">
          <caption>{t("preview.problemsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("preview.row")}</th>
              <th scope="col">{t("preview.column")}</th>
              <th scope="col">{t("preview.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, index) => (
              <tr key={`${error.row}-${error.column}-${index}`}>
                <td className="number">{number.format(error.row)}</td>
                <td>{error.column}</td>
                <td>{problemText(error)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label={t("pages.label")} className={styles.pagination}>
          <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t("pages.previous")}
          </button>
          <span>{t("pages.pageOf", { page, pageCount })}</span>
          <button type="button" disabled={page === pageCount} onClick={() => setPage(page + 1)}>
            {t("pages.next")}
          </button>
        </nav>
      ) : null}
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo } from "react";
import type { ImportResult } from "./api";
import styles from "./import.module.css";
import results from "./results.module.css";
import type { CsvFile } from "./read-csv";
import { rejectedRowsCsv } from "./rejected-csv";
import { useRejectionText } from "./rejection-text";

type Props = { file: CsvFile; result: ImportResult };

/** A link to the rows set aside as a CSV, built here from the page's copy of the file and the server's reasons. */
export function RejectedRowsDownload({ file, result }: Props) {
  const t = useTranslations("importResults.import");
  const reasonText = useRejectionText();
  const url = useMemo(() => {
    const csv = rejectedRowsCsv(file, result.rejectedRows, { row: t("rowColumn"), reason: t("reasonColumn"), reasonText });
    return URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    // The reasons' wording follows the page's language, which does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, result]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const name = `${file.name.replace(/\.[^.]*$/, "")}-${t("fileSuffix")}.csv`;
  return (
    <div className={styles.actions}>
      <a href={url} download={name} className={results.download}>
        {t("download")}
      </a>
      {result.rejected > result.rejectedRows.length ? (
        <p className={styles.hint}>{t("downloadTruncated", { listed: result.rejectedRows.length, total: result.rejected })}</p>
      ) : null}
    </div>
  );
}

import { useTranslations } from "next-intl";
import type { ImportIndicator } from "@/lib/csv-import/import-indicators";
import styles from "./import.module.css";
import results from "./results.module.css";

/** The indicators a file may name, by slug, with name and unit in the page's language; and the same list as a CSV. */
export function IndicatorList({ indicators }: { indicators: ImportIndicator[] }) {
  const t = useTranslations("importResults.indicators");
  return (
    <div className={results.indicators}>
      <details data-testid="import-indicators">
        <summary>{t("summary", { count: indicators.length })}</summary>
        <div className="table-scroll">
          <table className={`data-table ${styles.table}`}>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("slug")}</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("unit")}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.slug}>
                  <td>
                    <code>{indicator.slug}</code>
                  </td>
                  {/* Names and units are data: a unit recorded only in English is shown as recorded. */}
                  <td data-quoted>{indicator.name}</td>
                  <td data-quoted>{indicator.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href="/api/editor/imports/indicators.csv" download>
          {t("download")}
        </a>
      </p>
      <p className={styles.hint}>{t.rich("templateNote", { code: (chunks) => <code>{chunks}</code> })}</p>
    </div>
  );
}

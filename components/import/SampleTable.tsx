import { useTranslations } from "next-intl";
import type { SampleRow } from "./api";
import styles from "./import.module.css";

type Props = { sample: SampleRow[] };

/** The first new rows as the server read them, to see the columns were matched right. */
export function SampleTable({ sample }: Props) {
  const t = useTranslations("import.ui.preview");
  const form = useTranslations("editor.form");
  const types = useTranslations("import.ui.mapping.producerTypes");
  // Hedges, precisions and producer types in the page's language, as the form and the mapping say them.
  const figure = (row: SampleRow) =>
    [
      row.qualifier === "exact" ? "" : `${form(`qualifiers.${row.qualifier as "about"}`)} `,
      row.value,
      row.valueMax ? `–${row.valueMax}` : "",
    ].join("");
  return (
    <div className="table-scroll">
      <table className={`data-table ${styles.table}`} data-testid="import-sample">
        <caption>{t("sampleCaption", { count: sample.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("row")}</th>
            <th scope="col">{t("indicator")}</th>
            <th scope="col">{t("value")}</th>
            <th scope="col">{t("asOf")}</th>
            <th scope="col">{t("producer")}</th>
            <th scope="col">{t("source")}</th>
          </tr>
        </thead>
        <tbody>
          {sample.map((row) => (
            <tr key={row.row}>
              <td className="number">{row.row}</td>
              <td>{row.indicatorSlug}</td>
              <td className="number">{figure(row)}</td>
              <td>
                {row.asOf} ({form(`precisions.${row.datePrecision as "year"}`)})
              </td>
              <td>
                <span data-quoted>{row.producer.name}</span> ({types(row.producer.type as "ngo")})
              </td>
              <td>
                <a href={row.source.url} rel="noreferrer">
                  <span data-quoted>{row.source.publisher}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

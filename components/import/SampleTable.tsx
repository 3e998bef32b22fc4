import type { SampleRow } from "./api";
import { plural } from "./format";
import styles from "./import.module.css";
import type { ImportMessages } from "./messages";

type Props = { sample: SampleRow[]; messages: ImportMessages["preview"]; locale: string };

const figure = (row: SampleRow) =>
  [row.qualifier === "exact" ? "" : `${row.qualifier} `, row.value, row.valueMax ? `–${row.valueMax}` : ""].join("");

/** The first new rows as the server read them, to see the columns were matched right. */
export function SampleTable({ sample, messages, locale }: Props) {
  return (
    <div className="table-scroll">
      <table className={`data-table ${styles.table}`} data-testid="import-sample">
        <caption>{plural(messages.sampleCaption, sample.length, locale)}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.row}</th>
            <th scope="col">{messages.indicator}</th>
            <th scope="col">{messages.value}</th>
            <th scope="col">{messages.asOf}</th>
            <th scope="col">{messages.producer}</th>
            <th scope="col">{messages.source}</th>
          </tr>
        </thead>
        <tbody>
          {sample.map((row) => (
            <tr key={row.row}>
              <td className="number">{row.row}</td>
              <td>{row.indicatorSlug}</td>
              <td className="number">{figure(row)}</td>
              <td>
                {row.asOf} ({row.datePrecision})
              </td>
              <td>
                {row.producer.name} ({row.producer.type})
              </td>
              <td>
                <a href={row.source.url} rel="noreferrer">
                  {row.source.publisher}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

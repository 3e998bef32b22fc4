import type { ReactNode } from "react";
import { Quoted } from "@/components/text/Quoted";
import type { EditorFigure } from "@/lib/observations/shapes";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./editor.module.css";
import type { EditorMessages } from "./messages";

// Plain rendering with no hooks, so server pages and client forms (the conflict notice) share it.

export type ShownFigure = Pick<
  EditorFigure,
  "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision" | "producer" | "attribution" | "noteEn" | "noteEs"
> & {
  source: Pick<EditorFigure["source"], "url" | "publisher" | "publishedAt">;
};

type Row = { key: keyof EditorMessages["compare"]; text: string; node: ReactNode };

/** What a reader would see of a figure, row by row; `text` compares two versions, `node` shows one. */
export function figureRows(figure: ShownFigure, locale: Locale): Row[] {
  const plain = (key: Row["key"], text: string): Row => ({ key, text, node: text });
  const source = `${figure.source.publisher ?? ""} ${figure.source.url} ${figure.source.publishedAt ?? ""}`;
  // Names, addresses, attributions and notes are data as entered (marked so), not the editor's own words.
  return [
    plain("value", formatFigure(figure, locale)),
    plain("asOf", formatAsOf(figure.asOf, figure.datePrecision, locale)),
    {
      key: "producer",
      text: `${figure.producer.name} (${figure.producer.type})`,
      node: (
        <>
          <Quoted>{figure.producer.name}</Quoted> ({producerTypeLabel(figure.producer.type, locale)})
        </>
      ),
    },
    {
      key: "source",
      text: source,
      node: (
        <>
          {figure.source.publisher ? (
            <>
              <Quoted>{figure.source.publisher}</Quoted>:{" "}
            </>
          ) : null}
          <a href={figure.source.url} rel="noopener noreferrer" className="source-link" data-quoted="">
            {figure.source.url}
          </a>
          {figure.source.publishedAt ? ` (${formatAsOf(figure.source.publishedAt, "day", locale)})` : null}
        </>
      ),
    },
    { key: "attribution", text: figure.attribution, node: <Quoted>{figure.attribution}</Quoted> },
    // Each note is written in its own language, whatever the page's.
    {
      key: "noteEn",
      text: figure.noteEn ?? "—",
      node: figure.noteEn ? (
        <span lang="en" data-quoted="">
          {figure.noteEn}
        </span>
      ) : (
        "—"
      ),
    },
    {
      key: "noteEs",
      text: figure.noteEs ?? "—",
      node: figure.noteEs ? (
        <span lang="es" data-quoted="">
          {figure.noteEs}
        </span>
      ) : (
        "—"
      ),
    },
  ];
}

export function FigureFacts({ figure, locale, labels }: { figure: ShownFigure; locale: Locale; labels: EditorMessages["compare"] }) {
  return (
    <dl className={styles.facts}>
      {figureRows(figure, locale).map((row) => (
        <div key={row.key}>
          <dt>{labels[row.key]}</dt>
          <dd data-field={row.key}>{row.node}</dd>
        </div>
      ))}
    </dl>
  );
}

type ComparisonProps = {
  published: ShownFigure | null;
  proposed: ShownFigure;
  locale: Locale;
  labels: EditorMessages["compare"];
  headings: { caption: string; publishedNow: string; proposed: string; newFigure: string };
};

/** The draft beside the published figure it would replace; changed rows are marked. */
export function FigureComparison({ published, proposed, locale, labels, headings }: ComparisonProps) {
  const before = published ? new Map(figureRows(published, locale).map((row) => [row.key, row])) : null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{headings.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.field}</th>
            <th scope="col">{headings.publishedNow}</th>
            <th scope="col">{headings.proposed}</th>
          </tr>
        </thead>
        <tbody>
          {figureRows(proposed, locale).map((row) => {
            const old = before?.get(row.key);
            const changed = old !== undefined && old.text !== row.text;
            return (
              <tr key={row.key} data-field={row.key} data-changed={changed || undefined}>
                <th scope="row">{labels[row.key]}</th>
                <td data-column="published">{old ? old.node : <span className="muted">{headings.newFigure}</span>}</td>
                <td data-column="proposed" className={changed ? styles.changedCell : undefined}>
                  {row.node}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

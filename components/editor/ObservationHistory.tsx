import { Quoted, withQuoted } from "@/components/text/Quoted";
import type { HistoryEntry } from "@/lib/changes/history";
import { PRODUCER_TYPE_LABELS } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ProducerType } from "@/lib/schemas/enums";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { formatMoment } from "./format-time";
import { changedFields, DATA_FIELDS, type HistoryWords } from "./history-changes";

/** Every recorded change of a figure and of the corrections proposed to it, oldest first. */
export async function ObservationHistory({ entries, locale }: { entries: HistoryEntry[]; locale: Locale }) {
  const { t } = await getEditorMessages(locale);
  // An action recorded by a later version of Contraste than these messages still reads as a change, not as its code.
  const actionLabel = (action: string) => (t.has(`history.actions.${action}`) ? t(`history.actions.${action}`) : t("history.otherAction"));
  const word = (key: string, value: string) => (t.has(`${key}.${value}`) ? t(`${key}.${value}`) : value);
  const words: HistoryWords = {
    status: (value) => word("statuses", value),
    qualifier: (value) => word("form.qualifiers", value),
    datePrecision: (value) => word("form.precisions", value),
    producerType: (value) => PRODUCER_TYPE_LABELS[locale][value as ProducerType] ?? value,
  };
  return (
    <section aria-labelledby="history-title" className={styles.section} data-testid="observation-history">
      <h2 id="history-title">{t("history.title")}</h2>
      {entries.length === 0 ? <p className="muted">{t("history.empty")}</p> : null}
      <ol className={styles.history}>
        {entries.map((entry) => {
          const changes = changedFields(entry.before, entry.after, words);
          return (
            <li key={entry.id} data-action={entry.action}>
              <strong>{actionLabel(entry.action)}</strong> {withQuoted((values) => t("history.by", values), { actor: entry.actor })},{" "}
              <time dateTime={entry.createdAt}>{formatMoment(entry.createdAt, locale)}</time>
              {entry.reason ? <p>{withQuoted((values) => t("history.reason", values), { reason: entry.reason })}</p> : null}
              {changes.length > 0 ? (
                <ul aria-label={t("history.changed")}>
                  {changes.map((change) => {
                    const shown = (text: string | null) =>
                      text === null ? t("history.empty_value") : DATA_FIELDS.has(change.field) ? <Quoted>{text}</Quoted> : text;
                    return (
                      <li key={change.field}>
                        {t(`history.fields.${change.field}`)}: {shown(change.before)} → {shown(change.after)}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

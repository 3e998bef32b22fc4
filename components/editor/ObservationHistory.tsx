import type { HistoryEntry } from "@/lib/changes/history";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { formatMoment } from "./format-time";
import { changedFields } from "./history-changes";

/** Every recorded change of a figure and of the corrections proposed to it, oldest first. */
export async function ObservationHistory({ entries, locale }: { entries: HistoryEntry[]; locale: Locale }) {
  const { t } = await getEditorMessages(locale);
  const actionLabel = (action: string) => (t.has(`history.actions.${action}`) ? t(`history.actions.${action}`) : action);
  return (
    <section aria-labelledby="history-title" className={styles.section} data-testid="observation-history">
      <h2 id="history-title">{t("history.title")}</h2>
      {entries.length === 0 ? <p className="muted">{t("history.empty")}</p> : null}
      <ol className={styles.history}>
        {entries.map((entry) => {
          const changes = changedFields(entry.before, entry.after);
          return (
            <li key={entry.id} data-action={entry.action}>
              <strong>{actionLabel(entry.action)}</strong> {t("history.by", { actor: entry.actor })},{" "}
              <time dateTime={entry.createdAt}>{formatMoment(entry.createdAt, locale)}</time>
              {entry.reason ? <p>{t("history.reason", { reason: entry.reason })}</p> : null}
              {changes.length > 0 ? (
                <ul aria-label={t("history.changed")}>
                  {changes.map((change) => (
                    <li key={change.field}>
                      {t(`history.fields.${change.field}`)}: {change.before ?? t("history.empty_value")} →{" "}
                      {change.after ?? t("history.empty_value")}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

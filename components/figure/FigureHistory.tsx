import { getTranslations } from "next-intl/server";
import { changeKind, type PublicFigureChange } from "@/lib/changes/public-change-shapes";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { ChangeFigureLine } from "@/components/changes/ChangeFigureLine";
import styles from "./figure.module.css";

/** The figure's publication, corrections and retraction, oldest first, each with its reason: what the change log says of it. */
export async function FigureHistory({ changes, locale }: { changes: PublicFigureChange[]; locale: Locale }) {
  const [t, log] = await Promise.all([
    getTranslations({ locale, namespace: "sourceTrust.figurePage" }),
    getTranslations({ locale, namespace: "changes" }),
  ]);
  return (
    <section className={styles.section} aria-labelledby="figure-history">
      <h2 id="figure-history">{t("historyHeading")}</h2>
      {changes.length === 0 ? (
        <p className="muted">{t("historyEmpty")}</p>
      ) : (
        <>
          <p className="muted">{t("historyIntro")}</p>
          <ol className={styles.history} role="list">
            {changes.map((change) => {
              const kind = changeKind(change.action);
              const figure = change.after ?? change.before;
              return (
                <li key={change.id} className={styles.historyEntry} data-change={change.id} data-action={kind}>
                  <p>
                    <strong>{log(`actions.${kind}`)}</strong> ·{" "}
                    <time dateTime={change.createdAt}>{formatAsOf(change.createdAt.slice(0, 10), "day", locale)}</time>
                    {change.reviewer ? <> · {t("historyBy", { name: change.reviewer })}</> : null}
                  </p>
                  <dl className={styles.historyFigures}>
                    {kind === "corrected" && change.before && change.after ? (
                      <>
                        <ChangeFigureLine label={log("before")} figure={change.before} sourceLabel={log("source")} locale={locale} />
                        <ChangeFigureLine label={log("after")} figure={change.after} sourceLabel={log("source")} locale={locale} />
                      </>
                    ) : figure ? (
                      <ChangeFigureLine label={log("figure")} figure={figure} sourceLabel={log("source")} locale={locale} />
                    ) : null}
                  </dl>
                  {change.reason ? (
                    <p>
                      <strong>{log("reason")}:</strong> {change.reason}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

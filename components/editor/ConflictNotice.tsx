import type { Locale } from "@/lib/i18n/routing";
import type { FigureSnapshot } from "./api";
import styles from "./editor.module.css";
import { fill } from "./field-errors";
import { FigureFacts } from "./FigureFacts";
import type { EditorMessages } from "./messages";

type Props = {
  current: FigureSnapshot;
  locale: Locale;
  labels: EditorMessages["form"];
  compareLabels: EditorMessages["compare"];
  pending: boolean;
  onReapply: () => void;
  onLoadCurrent: () => void;
};

/** A save refused because someone saved first: what is stored now, and the user's explicit choice. */
export function ConflictNotice({ current, locale, labels, compareLabels, pending, onReapply, onLoadCurrent }: Props) {
  const canReapply = current.status === "draft" || current.status === "published";
  return (
    <section role="alert" aria-labelledby="conflict-title" className={styles.conflict} data-testid="edit-conflict">
      <h2 id="conflict-title">{labels.conflictTitle}</h2>
      <p>{fill(labels.conflictBody, { version: current.version })}</p>
      <FigureFacts figure={current} locale={locale} labels={compareLabels} />
      <p className="muted">{labels.conflictNote}</p>
      <div className={styles.actions}>
        {canReapply ? (
          <button type="button" onClick={onReapply} disabled={pending}>
            {fill(labels.conflictReapply, { version: current.version })}
          </button>
        ) : null}
        <button type="button" onClick={onLoadCurrent} disabled={pending}>
          {fill(labels.conflictLoad, { version: current.version })}
        </button>
      </div>
    </section>
  );
}

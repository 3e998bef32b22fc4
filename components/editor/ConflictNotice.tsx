import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { FigureSnapshot } from "./api";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./editor.module.css";
import { FigureFacts } from "./FigureFacts";
import type { EditorMessages } from "./messages";

type Props = {
  current: FigureSnapshot;
  locale: Locale;
  pending: boolean;
  onReapply: () => void;
  onLoadCurrent: () => void;
};

/** A save refused because someone saved first: what is stored now, and the user's explicit choice. */
export function ConflictNotice({ current, locale, pending, onReapply, onLoadCurrent }: Props) {
  const t = useTranslations("editor");
  const canReapply = current.status === "draft" || current.status === "published";
  return (
    <section role="alert" aria-labelledby="conflict-title" className={styles.conflict} data-testid="edit-conflict">
      <h2 id="conflict-title">{t("form.conflictTitle")}</h2>
      <p>{t("form.conflictBody", { version: current.version })}</p>
      <FigureFacts figure={current} locale={locale} labels={t.raw("compare") as EditorMessages["compare"]} />
      <p className="muted">{t("form.conflictNote")}</p>
      <div className={formStyles.actions}>
        {canReapply ? (
          <button type="button" onClick={onReapply} disabled={pending}>
            {t("form.conflictReapply", { version: current.version })}
          </button>
        ) : null}
        <button type="button" onClick={onLoadCurrent} disabled={pending}>
          {t("form.conflictLoad", { version: current.version })}
        </button>
      </div>
    </section>
  );
}

import type { HistoryEntry } from "@/lib/changes/history";
import type { FigureForEditing } from "@/lib/observations/editor-queries";
import { formatFigure } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { IndicatorSummary } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import type { ProducerType } from "@/lib/observations/types";
import styles from "./editor.module.css";
import { getEditorMessages } from "./editor-messages";
import { FigureComparison, FigureFacts } from "./FigureFacts";
import { ObservationForm } from "./ObservationForm";
import { toFormValues } from "./observation-form-values";
import { ObservationHistory } from "./ObservationHistory";
import { PublishButton } from "./PublishButton";
import { RetractForm } from "./RetractForm";

/** What the signed-in person may do here, decided on the server by lib/auth/permissions.ts. */
export type ObservationPermissions = { edit: boolean; publish: boolean; retract: boolean; ownDraft: boolean };

type Props = {
  locale: Locale;
  figure: FigureForEditing;
  history: HistoryEntry[];
  indicators: IndicatorSummary[];
  producers: { name: string; type: ProducerType }[];
  can: ObservationPermissions;
  /** The version just saved, when the page was reached from a save. */
  savedVersion: number | null;
};

export async function ObservationPage({ locale, figure, history, indicators, producers, can, savedVersion }: Props) {
  const { t, raw } = await getEditorMessages(locale);
  const name = localized(figure.indicator, "name", locale);
  const editable = figure.status === "draft" || figure.status === "published";
  return (
    <article data-observation={figure.id} data-status={figure.status}>
      <h1>{t("observation.title", { indicator: name, figure: formatFigure(figure, locale) })}</h1>
      <p>
        {t("observation.status", { status: t(`statuses.${figure.status}`), version: figure.version })}
        {figure.authorName ? `. ${t("observation.author", { name: figure.authorName })}` : null}
      </p>
      {savedVersion === figure.version ? (
        <p role="status" className={styles.notice}>
          {t("observation.saved")}
        </p>
      ) : null}
      {figure.status === "superseded" ? <p className={styles.notice}>{t("observation.superseded")}</p> : null}
      {figure.status === "retracted" ? <p className={styles.notice}>{t("observation.retracted")}</p> : null}
      {figure.pendingCorrectionId ? (
        <p className={styles.notice}>
          {t("observation.pendingCorrection")}{" "}
          <Link href={`/editor/observations/${figure.pendingCorrectionId}`}>{t("observation.openPending")}</Link>
        </p>
      ) : null}

      {figure.revisionOf ? (
        <section aria-labelledby="compare-title" className={styles.section}>
          <h2 id="compare-title">{t("observation.compare")}</h2>
          <p>
            {t("observation.correctionOf")}{" "}
            <Link href={`/editor/observations/${figure.revisionOf.id}`}>{t("observation.openOriginal")}</Link>
          </p>
          <FigureComparison
            published={figure.revisionOf}
            proposed={figure}
            locale={locale}
            labels={raw("compare")}
            headings={{
              caption: t("observation.compare"),
              publishedNow: t("observation.publishedNow"),
              proposed: t("observation.proposed"),
              newFigure: t("observation.newFigure"),
            }}
          />
        </section>
      ) : (
        <FigureFacts figure={figure} locale={locale} labels={raw("compare")} />
      )}

      {can.publish ? <PublishButton id={figure.id} version={figure.version} /> : null}
      {can.ownDraft ? <p className="muted">{t("observation.ownDraft")}</p> : null}

      {can.edit && editable ? (
        <section aria-labelledby="edit-title" className={styles.section}>
          <h2 id="edit-title">{figure.status === "published" ? t("observation.editPublished") : t("observation.edit")}</h2>
          <ObservationForm
            key={`${figure.id}-${figure.version}`}
            locale={locale}
            target={{ kind: "edit", id: figure.id, version: figure.version, status: figure.status === "published" ? "published" : "draft" }}
            initial={toFormValues({ ...figure, indicatorSlug: figure.indicator.slug })}
            indicators={indicators.map((indicator) => ({ slug: indicator.slug, name: localized(indicator, "name", locale) }))}
            producers={producers}
          />
        </section>
      ) : null}

      {can.retract ? (
        <section className={styles.section}>
          <RetractForm id={figure.id} version={figure.version} />
        </section>
      ) : null}

      <ObservationHistory entries={history} locale={locale} />
    </article>
  );
}

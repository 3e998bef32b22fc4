import type { HistoryEntry } from "@/lib/changes/history";
import type { FigureForEditing } from "@/lib/observations/editor-queries";
import { formatFigure } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/editor-navigation";
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
import { getTranslations } from "next-intl/server";
import type { ReviewState } from "@/lib/observations/editor-queries";
import type { ReviewFlashMessage } from "@/lib/schemas/review";
import { formatMoment } from "./format-time";
import { ReviewDiscardForm } from "./ReviewDiscardForm";
import { ReviewFlash } from "./ReviewFlash";
import { ReviewSendBackForm } from "./ReviewSendBackForm";
import review from "./review.module.css";

/** What the signed-in person may do here, decided on the server by lib/auth/permissions.ts. */
export type ObservationPermissions = {
  edit: boolean;
  publish: boolean;
  retract: boolean;
  ownDraft: boolean;
  /** Send the draft back to its writers with a comment (a reviewer who did not write it). */
  sendBack?: boolean;
  /** Discard the draft (its writers, or a reviewer). */
  discard?: boolean;
};

type Props = {
  locale: Locale;
  figure: FigureForEditing;
  history: HistoryEntry[];
  indicators: IndicatorSummary[];
  producers: { name: string; type: ProducerType }[];
  can: ObservationPermissions;
  /** The version just saved, when the page was reached from a save. */
  savedVersion: number | null;
  /** Why the draft left the review queue: a reviewer's comment, or its discarding. */
  reviewState?: ReviewState | null;
  /** The message after a review action that returned here. */
  flash?: ReviewFlashMessage | null;
};

export async function ObservationPage({ locale, figure, history, indicators, producers, can, savedVersion, reviewState, flash }: Props) {
  const { t, raw } = await getEditorMessages(locale);
  const tr = await getTranslations({ locale, namespace: "review" });
  // A discarded draft's status is named by the review workspace's messages.
  const statusName = figure.status === "discarded" ? tr("state.discardedStatus") : t(`statuses.${figure.status}`);
  const name = localized(figure.indicator, "name", locale);
  const editable = figure.status === "draft" || figure.status === "published";
  return (
    <article data-observation={figure.id} data-status={figure.status}>
      <h1>{t("observation.title", { indicator: name, figure: formatFigure(figure, locale) })}</h1>
      <p>
        {t("observation.status", { status: statusName, version: figure.version })}
        {figure.authorName ? `. ${t("observation.author", { name: figure.authorName })}` : null}
      </p>
      {savedVersion === figure.version ? (
        <p role="status" className={styles.notice}>
          {t("observation.saved")}
        </p>
      ) : null}
      {flash ? <ReviewFlash message={flash} locale={locale} /> : null}
      {figure.status === "draft" && reviewState?.sentBack ? (
        <div className={styles.notice} data-testid="sent-back">
          <p>
            {reviewState.sentBack.by
              ? tr("state.sentBack", { name: reviewState.sentBack.by, date: formatMoment(reviewState.sentBack.at, locale) })
              : tr("state.sentBackNoName", { date: formatMoment(reviewState.sentBack.at, locale) })}
          </p>
          <p className={review.comment} data-quoted>
            {reviewState.sentBack.note}
          </p>
          <p className="muted">{tr("state.sentBackHint")}</p>
        </div>
      ) : null}
      {figure.status === "discarded" ? (
        <p className={styles.notice}>
          {tr("state.discarded", { date: formatMoment(reviewState?.discardedAt ?? new Date().toISOString(), locale) })}
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

      {can.sendBack && figure.status === "draft" && !reviewState?.sentBack ? (
        <section className={styles.section}>
          <ReviewSendBackForm id={figure.id} version={figure.version} />
        </section>
      ) : null}

      {can.discard && figure.status === "draft" ? (
        <section className={styles.section}>
          <ReviewDiscardForm id={figure.id} version={figure.version} />
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

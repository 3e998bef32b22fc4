import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import {
  changeKind,
  isReferenceChange,
  type PublicChange,
  type PublicFigureChange,
  type PublicReferenceChange,
} from "@/lib/changes/public-change-shapes";
import { referenceChangeLines, referenceChangeTitle } from "@/lib/changes/reference-change-text";
import { ChangeFigureLine } from "./ChangeFigureLine";
import entries from "@/components/layout/entries.module.css";
import styles from "./changes.module.css";

type Props = { change: PublicChange; indicatorName: string | null; locale: Locale };
type Translate = Awaited<ReturnType<typeof getTranslations<"changes">>>;

/** When, what kind of change, and who reviewed it: the same line for figures and reference data. */
function ChangeMeta({
  change,
  action,
  t,
  locale,
}: {
  change: PublicChange;
  action: ReturnType<typeof changeKind>;
  t: Translate;
  locale: Locale;
}) {
  return (
    <p className={entries.meta}>
      <time dateTime={change.createdAt}>{formatAsOf(change.createdAt.slice(0, 10), "day", locale)}</time> ·{" "}
      <span className={entries.badge} data-action-label>
        {t(`actions.${action}`)}
      </span>
      {/* A public change no reviewer signed was written by the dataset itself (npm run db:seed). */}
      {" · "}
      {t("by", { name: change.reviewer ?? t("datasetActor") })}
    </p>
  );
}

function ChangeReason({ reason, t }: { reason: string | null; t: Translate }) {
  return reason ? (
    <p className={styles.reason}>
      <span className={styles.label}>{t("reason")}:</span> {reason}
    </p>
  ) : null;
}

/** One published change: when, what happened to which indicator's figure, from which source, why, and who reviewed it. */
export async function ChangeItem({ change, indicatorName, locale }: Props) {
  return isReferenceChange(change) ? (
    <ReferenceChangeItem change={change} locale={locale} />
  ) : (
    <FigureChangeItem change={change} indicatorName={indicatorName} locale={locale} />
  );
}

/** An edited or added producer, source, indicator, framing or event: each changed field before and after, why, and who reviewed it. */
async function ReferenceChangeItem({ change, locale }: { change: PublicReferenceChange; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "changes" });
  const action = changeKind(change.action);
  const title = referenceChangeTitle(change, locale, t);
  const lines = referenceChangeLines(change, locale, t);
  const empty = t("emptyValue");
  return (
    <li
      className={`${entries.card} ${styles.change}`}
      id={`change-${change.id}`}
      data-change={change.id}
      data-action={action}
      data-entity={change.entityType}
    >
      <h2 className={entries.title}>
        {change.indicatorSlug ? <Link href={getPathname({ href: `/indicators/${change.indicatorSlug}`, locale })}>{title}</Link> : title}
      </h2>
      <ChangeMeta change={change} action={action} t={t} locale={locale} />
      {lines.length ? (
        <dl className={styles.figures} aria-label={t("changed")}>
          {lines.map((line) => (
            <div key={line.field} className={styles.fieldChange} data-field={line.field}>
              <dt className={styles.label}>{line.label}</dt>
              <dd>
                {change.before ? (
                  <>
                    <del>{line.before ?? empty}</del> → <ins>{line.after ?? empty}</ins>
                  </>
                ) : (
                  (line.after ?? empty)
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <ChangeReason reason={change.reason} t={t} />
    </li>
  );
}

async function FigureChangeItem({
  change,
  indicatorName,
  locale,
}: {
  change: PublicFigureChange;
  indicatorName: string | null;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "changes" });
  const action = changeKind(change.action);
  const name = indicatorName ?? t("unknownIndicator");
  const source = t("source");
  // A retraction's figure is the one taken down; a publication's, the one put up.
  const figure = change.after ?? change.before;
  return (
    <li className={`${entries.card} ${styles.change}`} id={`change-${change.id}`} data-change={change.id} data-action={action}>
      <h2 className={entries.title}>
        {change.indicatorSlug && indicatorName ? (
          <Link href={getPathname({ href: `/indicators/${change.indicatorSlug}`, locale })}>{name}</Link>
        ) : (
          name
        )}
      </h2>
      <ChangeMeta change={change} action={action} t={t} locale={locale} />
      <dl className={styles.figures}>
        {action === "corrected" && change.before && change.after ? (
          <>
            <ChangeFigureLine label={t("before")} figure={change.before} sourceLabel={source} locale={locale} />
            <ChangeFigureLine label={t("after")} figure={change.after} sourceLabel={source} locale={locale} />
          </>
        ) : figure ? (
          <ChangeFigureLine label={t("figure")} figure={figure} sourceLabel={source} locale={locale} />
        ) : null}
      </dl>
      <ChangeReason reason={change.reason} t={t} />
    </li>
  );
}

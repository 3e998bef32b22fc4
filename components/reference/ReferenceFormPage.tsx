import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { getPageActor } from "@/lib/auth/page-session";
import { listPendingReferenceChangesFor } from "@/lib/reference/queries";
import type { EditableRecord } from "@/lib/reference/record";
import { ENTITIES, type EntityName } from "./entities";
import { FiguresLink } from "./FiguresLink";
import { toFormRecord } from "./form-values";
import { ProposalList } from "./ProposalCard";
import { ReferenceBreadcrumbs } from "./ReferenceBreadcrumbs";
import { referenceFormText } from "./reference-form-text";
import { ReferenceForm } from "./ReferenceForm";
import styles from "./reference.module.css";

type Props = {
  entity: EntityName;
  locale: Locale;
  /** The record to edit; null for the "add" form. */
  record: EditableRecord<unknown> | null;
  /** Select options read from the database, by field (the indicators a framing can belong to). */
  choices?: Record<string, Record<string, string>>;
  /** Just created: the add form brought the editor here. */
  created?: boolean;
};

/** The figure list's filter for a record that figures point to (an indicator by its slug, a producer or source by id). */
function figuresFilter(entity: EntityName, record: EditableRecord<unknown> | null): Record<string, string> | null {
  if (!record) return null;
  if (entity === "producer") return { producer: record.id };
  if (entity === "source") return { source: record.id };
  const slug = (record.values as { slug?: unknown }).slug;
  return entity === "indicator" && typeof slug === "string" ? { indicator: slug } : null;
}

export async function ReferenceFormPage({ entity, locale, record, choices, created }: Props) {
  const t = await getTranslations({ locale, namespace: "reference" });
  const spec = ENTITIES[entity];
  const filter = figuresFilter(entity, record);
  const { fieldText, text } = await referenceFormText(entity, locale, choices);
  const [actor, pending] = await Promise.all([getPageActor(), record ? listPendingReferenceChangesFor(entity, record.id) : []]);
  return (
    <>
      <ReferenceBreadcrumbs locale={locale} section={spec.section} />
      <h1>{t(`sections.${spec.section}.${record ? "edit" : "new"}`)}</h1>
      <p className="lede">{t(record ? "historyNote" : "createNote")}</p>
      {filter ? (
        <p>
          <FiguresLink locale={locale} filter={filter} name={t(`sections.${spec.section}.edit`)} />
        </p>
      ) : null}
      {created ? (
        <p role="status" className={styles.notice}>
          {t("created")}
        </p>
      ) : null}
      {actor && pending.length ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t("review.pending")}</h2>
          <ProposalList proposals={pending} actor={actor} locale={locale} />
        </section>
      ) : null}
      <ReferenceForm
        entity={entity}
        locale={locale}
        record={record && toFormRecord(spec.fields, record)}
        fieldText={fieldText}
        text={text}
      />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Quoted, withQuoted } from "@/components/text/Quoted";
import type { Actor } from "@/lib/auth/actor";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { canApplyReferenceChange, canWithdrawReferenceChange } from "@/lib/auth/permissions";
import type { PendingReferenceChange } from "@/lib/reference/queries";
import { ENTITIES, type EntityName } from "./entities";
import { toFormValues } from "./form-values";
import { ProposalActions } from "./ProposalActions";
import { referenceFormText } from "./reference-form-text";
import styles from "./reference.module.css";

type Props = { proposal: PendingReferenceChange; actor: Actor; locale: Locale };

const valueAt = (record: unknown, path: string) =>
  path
    .split(".")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), record);

// The field that names a record for people: a source's address, an event's title in the page's language.
const subjectField = (entity: EntityName, locale: Locale) =>
  ({
    source: "url",
    producer: "name",
    framing: "producer.name",
    event: locale === "es" ? "titleEs" : "titleEn",
    indicator: locale === "es" ? "nameEs" : "nameEn",
  })[entity];

/** One pending proposal: what it changes (each field now and proposed), who proposed it and why, and what this person may do with it. */
export async function ProposalCard({ proposal, actor, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "reference" });
  const spec = ENTITIES[proposal.entityType];
  const { fieldText } = await referenceFormText(proposal.entityType, locale);
  const current = proposal.current ? toFormValues(spec.fields, proposal.current) : null;
  // A field a proposal leaves out (one written before the field existed: a source's class, an event's
  // indicators) is left as it is when applied, so it reads as unchanged rather than emptied.
  const given = toFormValues(spec.fields, proposal.data);
  const proposed = Object.fromEntries(
    spec.fields.map(({ name }) => [name, current && valueAt(proposal.data, name) === undefined ? current[name] : given[name]]),
  );
  const controlOf = (field: string) => spec.fields.find((candidate) => candidate.name === field)?.control;
  // A choice reads in the page's words; anything typed in (names, addresses, texts in either language) is data.
  const shown = (field: string, value: string | undefined): ReactNode => {
    if (!value) return t("form.empty");
    if (controlOf(field) === "checkbox") return t("review.yes");
    if (controlOf(field) === "multiselect") return <Quoted>{value.split("\n").join(", ")}</Quoted>;
    return fieldText.options[field]?.[value] ?? <Quoted>{value}</Quoted>;
  };
  const entity = t(`review.entities.${proposal.entityType}`);
  const subject = current ? (current[subjectField(proposal.entityType, locale)] ?? "") : null;
  const canApply = canApplyReferenceChange(actor, proposal);
  const canWithdraw = canWithdrawReferenceChange(actor, proposal);
  return (
    <li className={styles.proposal} id={`proposal-${proposal.id}`} data-proposal={proposal.id} data-entity={proposal.entityType}>
      <h2>
        {current ? (
          <>
            {entity}: <Quoted>{subject}</Quoted>
          </>
        ) : (
          t("review.newRecord", { entity })
        )}
      </h2>
      <p className="muted">
        {withQuoted((values) => t("review.proposedBy", { ...values, date: formatAsOf(proposal.createdAt.slice(0, 10), "day", locale) }), {
          name: proposal.proposedBy,
        })}
      </p>
      <p>
        <strong>{t("review.reason")}:</strong> <Quoted>{proposal.reason}</Quoted>
      </p>
      <table className={styles.diff}>
        <thead>
          <tr>
            <th scope="col">{t("review.field")}</th>
            {current ? <th scope="col">{t("review.current")}</th> : null}
            <th scope="col">{t("review.proposed")}</th>
          </tr>
        </thead>
        <tbody>
          {spec.fields.map((field) => {
            const differs = current ? (current[field.name] ?? "") !== (proposed[field.name] ?? "") : true;
            return (
              <tr key={field.name} data-field={field.name} data-differs={differs ? "" : undefined}>
                <th scope="row">{fieldText.labels[field.name] ?? field.name}</th>
                {current ? <td>{shown(field.name, current[field.name])}</td> : null}
                <td>
                  {differs && current ? <ins>{shown(field.name, proposed[field.name])}</ins> : shown(field.name, proposed[field.name])}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canApply ? null : <p className="muted">{canWithdraw ? t("review.ownProposal") : t("review.reviewerOnly")}</p>}
      <ProposalActions id={proposal.id} canApply={canApply} canWithdraw={canWithdraw} />
    </li>
  );
}

/** Pending proposals as a list; nothing when there are none. */
export async function ProposalList({ proposals, actor, locale }: { proposals: PendingReferenceChange[]; actor: Actor; locale: Locale }) {
  if (!proposals.length) return null;
  return (
    <ol className={styles.proposals} role="list">
      {proposals.map((proposal) => (
        <ProposalCard key={proposal.id} proposal={proposal} actor={actor} locale={locale} />
      ))}
    </ol>
  );
}

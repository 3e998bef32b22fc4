import { getTranslations } from "next-intl/server";
import { COMPARISON_RULE, NEARBY_DAYS, type ComparisonGroup, type PeriodRelation } from "@/lib/observations/comparisons";
import type { FigureComparisons } from "@/lib/observations/figure-comparisons";
import { formatAsOf, formatFigure, formatNumber, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { Quoted, withQuoted } from "@/components/text/Quoted";
import styles from "./figures-that-disagree.module.css";
import { StaffEditLink } from "./StaffEditLink";
import { staffEditProps } from "./staff-edit-props";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords, type SourceLinkWords } from "@/components/sources/source-link-text";
import { Pager } from "@/components/sources/Pager";
import { GROUPS_ON_INDICATOR_PAGE, pageOfGroups } from "@/lib/observations/disagreements-view";

type T = Awaited<ReturnType<typeof getTranslations<"disagree">>>;
type EditLink = Awaited<ReturnType<typeof staffEditProps>>;

function relationText(relation: PeriodRelation, t: T) {
  if (relation.kind === "same") return t("samePeriod");
  if (relation.kind === "inside") return t("inside", { precision: relation.precision, within: relation.within });
  return t(relation.direction, { days: relation.days });
}

function GroupRow({
  group,
  locale,
  t,
  withGaps,
  editLink,
  words,
}: {
  group: ComparisonGroup;
  locale: Locale;
  t: T;
  withGaps: boolean;
  editLink: EditLink;
  words: SourceLinkWords;
}) {
  const signed = (value: string) => `${value.startsWith("-") || value === "0" ? "" : "+"}${formatNumber(value, locale)}`;
  const hedge = group.approximate ? "≈ " : "";
  return (
    <tr data-group={group.reference.id}>
      <th scope="row" className={styles.period}>
        {formatAsOf(group.reference.asOf, group.reference.datePrecision, locale)}
        <br />
        <span className="muted">
          {group.samePeriod ? t("samePeriod") : group.daysApart === 0 ? t("overlapping") : t("apart", { days: group.daysApart })}
        </span>
      </th>
      <td>
        <ul className={styles.figures}>
          {group.figures.map(({ observation, relation }) => (
            <li key={observation.id} data-observation={observation.id}>
              <strong className="figure-value">{formatFigure(observation, locale)}</strong>{" "}
              <span className="muted">
                {formatAsOf(observation.asOf, observation.datePrecision, locale)}
                {observation.id === group.reference.id && !group.samePeriod ? "" : ` (${relationText(relation, t)})`} ·{" "}
                <Quoted>{observation.producer.name}</Quoted> ({producerTypeLabel(observation.producer.type, locale)}) ·{" "}
              </span>
              <SourceLink source={observation.source} text={words.text} formatDay={words.formatDay}>
                {observation.source.publisher ?? new URL(observation.source.url).hostname}
              </SourceLink>
              <StaffEditLink {...editLink(observation)} />
            </li>
          ))}
        </ul>
      </td>
      <td className="number" title={group.approximate ? t("approximate") : undefined}>
        <span className={styles.label}>{t("spread")}: </span>
        <span data-spread="">
          {hedge}
          {formatNumber(group.spread, locale)}
        </span>
        {group.spread === "0" ? (
          <>
            <br />
            <span className="muted">{t("agree")}</span>
          </>
        ) : null}
      </td>
      {withGaps ? (
        <td>
          <span className={styles.label}>{t("gap")}: </span>
          {group.gaps.length ? (
            <ul className={styles.figures}>
              {group.gaps.map((gap) => (
                <li key={`${gap.official.id}-${gap.independent.id}`}>
                  {withQuoted(
                    (names) =>
                      t("gapLine", {
                        ...names,
                        gap: `${gap.approximate ? "≈ " : ""}${signed(gap.gap)}`,
                        percent: gap.percent === null ? "—" : `${gap.approximate ? "≈ " : ""}${signed(gap.percent)} %`,
                      }),
                    { independent: gap.independent.producer.name, official: gap.official.producer.name },
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted" title={t("noPair")}>
              —
            </span>
          )}
        </td>
      ) : null}
    </tr>
  );
}

function GroupTable({
  groups,
  locale,
  t,
  testId,
  editLink,
  words,
}: {
  groups: ComparisonGroup[];
  locale: Locale;
  t: T;
  testId: string;
  editLink: EditLink;
  words: SourceLinkWords;
}) {
  // The official-against-independent column only where a group has both kinds of figure.
  const withGaps = groups.some((group) => group.gaps.length > 0);
  return (
    <div className="table-scroll">
      <table className={`data-table ${styles.groups}`} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("period")}</th>
            <th scope="col">{t("figures")}</th>
            <th scope="col">{t("spread")}</th>
            {withGaps ? <th scope="col">{t("gap")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <GroupRow
              key={group.figures.map((figure) => figure.observation.id).join("-")}
              group={group}
              locale={locale}
              t={t}
              withGaps={withGaps}
              editLink={editLink}
              words={words}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function disagreeWords(locale: Locale) {
  const [t, editLink, words] = await Promise.all([
    getTranslations({ locale, namespace: "disagree" }),
    staffEditProps(locale),
    getSourceLinkWords(locale),
  ]);
  return { t, editLink, words };
}

/** What is compared and by which rule, and how many groups there are or why there are none. */
function Explanation({ comparisons, t }: { comparisons: FigureComparisons; t: T }) {
  const { groups, producerCount, valueKind } = comparisons;
  const samePeriodRule = COMPARISON_RULE[valueKind] === "same_period";
  return (
    <>
      <p className="muted">
        {t("intro")} {samePeriodRule ? t("ruleSamePeriod") : t("ruleNearby", { days: NEARBY_DAYS })}
      </p>
      {producerCount <= 1 ? (
        <p data-testid="nothing-to-compare">{t("singleProducer")}</p>
      ) : groups.length === 0 ? (
        <p data-testid="nothing-to-compare">{samePeriodRule ? t("noneSamePeriod") : t("noneNearby", { days: NEARBY_DAYS })}</p>
      ) : (
        <>
          <p>{t("count", { count: groups.length })}</p>
          {comparisons.truncated ? <p className="muted">{t("truncated", { count: comparisons.limit })}</p> : null}
        </>
      )}
    </>
  );
}

/**
 * The indicator page's section: the GROUPS_ON_INDICATOR_PAGE most recent groups of comparable figures
 * from different producers (rule: lib/observations/comparisons.ts), and a link to all of them, so the
 * page stays the same length however densely the figures are published.
 */
export async function FiguresThatDisagree({
  comparisons,
  locale,
  allGroupsHref,
}: {
  comparisons: FigureComparisons;
  locale: Locale;
  /** The page listing every group, with the reader's source filter. */
  allGroupsHref: string;
}) {
  const { t, editLink, words } = await disagreeWords(locale);
  const { groups } = comparisons;
  return (
    <section aria-labelledby="discrepancy-heading" className="discrepancy" data-testid="figures-that-disagree">
      <h2 id="discrepancy-heading">{t("heading")}</h2>
      <Explanation comparisons={comparisons} t={t} />
      {groups.length > 0 ? (
        <GroupTable
          groups={groups.slice(0, GROUPS_ON_INDICATOR_PAGE)}
          locale={locale}
          t={t}
          testId="discrepancy-table"
          editLink={editLink}
          words={words}
        />
      ) : null}
      {groups.length > GROUPS_ON_INDICATOR_PAGE ? (
        <p>
          <a href={allGroupsHref} data-testid="all-groups-link">
            {t("seeAll", { count: groups.length, shown: GROUPS_ON_INDICATOR_PAGE })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** Every group of comparable figures of an indicator, a page at a time (the page at /indicators/{slug}/disagreements). */
export async function AllFiguresThatDisagree({
  comparisons,
  locale,
  page: requested,
  pageHref,
}: {
  comparisons: FigureComparisons;
  locale: Locale;
  page: number;
  pageHref: (page: number) => string;
}) {
  const { t, editLink, words } = await disagreeWords(locale);
  const { page, pageCount, first, groups } = pageOfGroups(comparisons.groups, requested);
  return (
    <section className="discrepancy" data-testid="figures-that-disagree">
      <Explanation comparisons={comparisons} t={t} />
      {groups.length > 0 ? (
        <>
          {pageCount > 1 ? (
            <p data-testid="groups-range">
              {t("pages.range", { first, last: first + groups.length - 1, total: comparisons.groups.length })}
            </p>
          ) : null}
          <GroupTable groups={groups} locale={locale} t={t} testId="discrepancy-table" editLink={editLink} words={words} />
          <Pager
            page={page}
            pageCount={pageCount}
            href={pageHref}
            words={{
              pages: t("pages.label"),
              previous: t("pages.previous"),
              next: t("pages.next"),
              position: t("pages.position", { page, count: pageCount }),
            }}
          />
        </>
      ) : null}
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { producerTypeLabel } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { PRODUCER_TYPE_DISPLAY_ORDER, SOURCE_CLASSES, type SourceClass } from "@/lib/schemas/enums";
import type { SourceGroup, SourceGroupDetail, SourceGroupPage, SourceOverview } from "@/lib/sources/source-overview";
import type { SourcesView } from "@/lib/sources/source-overview-state";
import { Quoted } from "@/components/text/Quoted";
import { Pager, type PagerWords } from "./Pager";
import { ProducerSources } from "./ProducerSources";
import { SourceItem } from "./SourceItem";
import { getSourceLinkWords } from "./source-link-text";
import { SOURCE_LIST_ID, sourcesHref } from "./source-page-links";
import styles from "./sources.module.css";

export type SourcesListing = { kind: "groups"; groups: SourceGroupPage } | { kind: "group"; detail: SourceGroupDetail };

type SourcesPageWords = Awaited<ReturnType<typeof getTranslations<"sourceTrust.sourcesPage">>>;

const pagerWords = (t: SourcesPageWords, at: { page: number; pageCount: number }): PagerWords => ({
  pages: t("pages"),
  previous: t("previous"),
  next: t("next"),
  position: t("pageOf", { page: at.page, count: at.pageCount }),
});

type Props = { view: SourcesView; overview: SourceOverview; listing: SourcesListing; locale: Locale };

/**
 * The sources page: how many sources of each class, how many figures rest on a secondary source
 * alone and where they are, then the sources themselves by class and producer, a page at a time.
 */
export async function SourcesPage({ view, overview, listing, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sources" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <ClassSummary overview={overview} locale={locale} />
      {/* The indicators' list opens the overview; later pages and other views keep the sentence alone, to stay light. */}
      <SecondaryOnly
        overview={overview}
        locale={locale}
        listIndicators={view.page === 1 && !view.group && view.sourceClass !== "primary" && view.sourceClass !== "press"}
      />
      <ClassFilter view={view} locale={locale} />
      {listing.kind === "group" ? (
        <GroupDetail detail={listing.detail} locale={locale} />
      ) : (
        <Groups page={listing.groups} view={view} locale={locale} />
      )}
    </>
  );
}

async function ClassSummary({ overview, locale }: { overview: SourceOverview; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  return (
    <section aria-labelledby="source-classes" className={styles.summary}>
      <h2 id="source-classes">{t("classesHeading")}</h2>
      <p className={styles.note}>{t("classesIntro")}</p>
      <ul className={styles.classes} role="list">
        {overview.classes.map((totals) => (
          <li key={totals.sourceClass} className={styles.classCard} data-class-summary={totals.sourceClass}>
            <h3 className={styles.className} data-class={totals.sourceClass}>
              {t(`classes.${totals.sourceClass}.name`)}
            </h3>
            <p className={styles.classCounts}>{t("classCounts", totals)}</p>
            <p className={styles.explanation}>{t(`classes.${totals.sourceClass}.explanation`)}</p>
            {totals.sources > 0 ? (
              <a href={sourcesHref(locale, { sourceClass: totals.sourceClass })}>
                {t("seeClass")}
                <span className="visually-hidden">: {t(`classes.${totals.sourceClass}.name`)}</span>
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

async function SecondaryOnly({ overview, locale, listIndicators }: { overview: SourceOverview; locale: Locale; listIndicators: boolean }) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const secondary = overview.classes.find((totals) => totals.sourceClass === "secondary")!;
  return (
    <section aria-labelledby="secondary-only" className={styles.secondaryOnly} data-secondary-only="">
      <h2 id="secondary-only" data-figures={secondary.figures} data-events={secondary.events}>
        {t("secondaryOnly", { figures: secondary.figures, events: secondary.events })}
      </h2>
      <p className={styles.note}>{t("secondaryOnlyCounted")}</p>
      {listIndicators && overview.secondaryByIndicator.length ? (
        <>
          <p>{t("secondaryWhere")}</p>
          <ul className={styles.indicators}>
            {overview.secondaryByIndicator.map((indicator) => (
              <li key={indicator.slug} data-indicator={indicator.slug} data-figures={indicator.figures}>
                <a href={`${getPathname({ href: `/indicators/${indicator.slug}`, locale })}?view=table`}>
                  {localized(indicator, "name", locale)}
                </a>{" "}
                <span className={styles.counts}>({t("secondaryIndicator", { count: indicator.figures })})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {secondary.sources > 0 ? (
        <p>
          <a href={sourcesHref(locale, { sourceClass: "secondary" })}>{t("secondaryList")}</a>
        </p>
      ) : null}
    </section>
  );
}

/** Links, not a form: each view has its own address, and the page works without JavaScript. */
async function ClassFilter({ view, locale }: { view: SourcesView; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const choices: (SourceClass | null)[] = [null, ...SOURCE_CLASSES];
  return (
    <nav aria-label={t("filterLabel")} className={styles.filter} id={SOURCE_LIST_ID}>
      <span className={styles.filterLabel}>{t("filterLabel")}:</span>
      <ul role="list">
        {choices.map((sourceClass) => {
          // One producer's group of a class is still within that class.
          const current = view.sourceClass !== sourceClass ? undefined : view.group === null ? "page" : "true";
          return (
            <li key={sourceClass ?? "all"}>
              <a href={sourcesHref(locale, { sourceClass })} aria-current={current} data-class={sourceClass ?? undefined}>
                {sourceClass ? t(`classes.${sourceClass}.short`) : t("allClasses")}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A page of groups: under each class, producers by type (government first), then the events group. */
async function Groups({ page, view, locale }: { page: SourceGroupPage; view: SourcesView; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const words = await getSourceLinkWords(locale);
  if (!page.groups.length) return <p>{t("emptyClass")}</p>;
  const classes = SOURCE_CLASSES.filter((sourceClass) => page.groups.some((group) => group.sourceClass === sourceClass));
  return (
    <>
      {classes.map((sourceClass) => {
        const ofClass = page.groups.filter((group) => group.sourceClass === sourceClass);
        const sections: { id: string; heading: string; groups: SourceGroup[] }[] = [
          ...PRODUCER_TYPE_DISPLAY_ORDER.map((type) => ({
            id: `${sourceClass}-${type}`,
            heading: producerTypeLabel(type, locale),
            groups: ofClass.filter((group) => group.producer?.type === type),
          })),
          { id: `${sourceClass}-events`, heading: t("eventsGroup"), groups: ofClass.filter((group) => !group.producer) },
        ];
        return (
          <section
            key={sourceClass}
            aria-labelledby={`class-${sourceClass}`}
            className={styles.classSection}
            data-class-section={sourceClass}
          >
            <h2 id={`class-${sourceClass}`}>
              <span className={styles.className} data-class={sourceClass}>
                {t(`classes.${sourceClass}.name`)}
              </span>
            </h2>
            {sections
              .filter((section) => section.groups.length)
              .map((section) => (
                <section key={section.id} aria-labelledby={section.id}>
                  <h3 id={section.id} className={styles.typeHeading}>
                    {section.heading}
                  </h3>
                  <ul className={styles.groups} role="list">
                    {section.groups.map((group) => (
                      <ProducerSources key={group.key} group={group} words={words} locale={locale} />
                    ))}
                  </ul>
                </section>
              ))}
          </section>
        );
      })}
      <Pager
        page={page.page}
        pageCount={page.pageCount}
        href={(number) => sourcesHref(locale, { ...view, page: number })}
        words={pagerWords(t, page)}
      />
    </>
  );
}

async function GroupDetail({ detail, locale }: { detail: SourceGroupDetail; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "sourceTrust.sourcesPage" });
  const words = await getSourceLinkWords(locale);
  const { group } = detail;
  const className = t(`classes.${group.sourceClass}.name`);
  return (
    <section aria-labelledby="source-group" className={styles.classSection} data-source-group={`${group.sourceClass}:${group.key}`}>
      <h2 id="source-group">
        {group.producer ? (
          <>
            <Quoted>{group.producer.name}</Quoted>: {className}
          </>
        ) : (
          t("groupHeading", { group: t("eventsGroupName"), className })
        )}
      </h2>
      <p className={styles.counts}>
        {group.producer ? `${producerTypeLabel(group.producer.type, locale)} · ` : null}
        {t(group.producer ? "groupCounts" : "eventGroupCounts", { sources: group.sources, cites: group.cites })}
      </p>
      <ul className={styles.sourceList}>
        {detail.sources.map((source) => (
          <SourceItem key={source.id} source={source} citedBy={group.producer ? "figures" : "events"} words={words} locale={locale} />
        ))}
      </ul>
      <Pager
        page={detail.page}
        pageCount={detail.pageCount}
        href={(number) => sourcesHref(locale, { sourceClass: group.sourceClass, group: group.key, page: number })}
        words={pagerWords(t, detail)}
      />
      <p>
        <a href={sourcesHref(locale, { sourceClass: group.sourceClass })}>{t("backToClass", { className })}</a>
      </p>
    </section>
  );
}

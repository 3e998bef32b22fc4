import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import { SOURCE_CLASSES, type SourceClass } from "@/lib/schemas/enums";
import type { SourceRow } from "@/lib/sources/queries";
import { Quoted } from "@/components/text/Quoted";
import { ReferenceList } from "./ReferenceList";
import { FiguresLink } from "./FiguresLink";
import styles from "./reference.module.css";

type Props = { locale: Locale; list: ListPage<SourceRow>; sourceClass?: SourceClass };

/** Every source with its class and where the class came from, searchable and filtered by class (`?class=`, a GET form). */
export async function SourcesList({ locale, list, sourceClass }: Props) {
  const [t, tFigures, tClass] = await Promise.all([
    getTranslations({ locale, namespace: "reference" }),
    getTranslations({ locale, namespace: "figures.reference" }),
    getTranslations({ locale, namespace: "sourceDomains.classField" }),
  ]);
  const query: Record<string, string> = sourceClass ? { class: sourceClass } : {};
  const filters = (
    <form method="get" action={getPathname({ href: "/editor/reference/sources", locale })} className={styles.search}>
      {list.q ? <input type="hidden" name="q" value={list.q} /> : null}
      <label htmlFor="filter-source-class">{tClass("filterLabel")}</label>
      <select id="filter-source-class" name="class" defaultValue={sourceClass ?? ""}>
        <option value="">{tClass("filterAll")}</option>
        {SOURCE_CLASSES.map((option) => (
          <option key={option} value={option}>
            {tClass(`names.${option}`)}
          </option>
        ))}
      </select>
      <button type="submit">{tClass("filterSubmit")}</button>
    </form>
  );
  return (
    <ReferenceList
      locale={locale}
      section="sources"
      list={list}
      query={query}
      filters={filters}
      columns={[t("columns.url"), t("columns.publisher"), t("columns.publishedAt"), tClass("column"), tFigures("figures")]}
      rows={list.rows.map((source) => ({
        id: source.id,
        cells: [
          <Quoted key="url">{source.url}</Quoted>,
          source.publisher ? <Quoted key="publisher">{source.publisher}</Quoted> : "—",
          source.publishedAt ? formatAsOf(source.publishedAt, "day", locale) : "—",
          <span key="class" data-source-class={source.sourceClass} data-class-origin={source.sourceClassOrigin}>
            {tClass(`names.${source.sourceClass}`)}
            <br />
            <span className="muted">{tClass(`origins.${source.sourceClassOrigin}`)}</span>
          </span>,
          <FiguresLink key="figures" locale={locale} filter={{ source: source.id }} name={source.publisher ?? source.url} />,
        ],
      }))}
    />
  );
}

import { getTranslations } from "next-intl/server";
import { formatAsOf, formatFigure, producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicObservation } from "@/lib/observations/types";
import { Quoted } from "@/components/text/Quoted";
import { StaffEditLink } from "./StaffEditLink";
import { staffEditProps } from "./staff-edit-props";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords } from "@/components/sources/source-link-text";
import { getPathname } from "@/lib/i18n/navigation";
import { FigureDetailsLink } from "./FigureDetailsLink";

/** One figure with what a reader needs to cite it: hedge, as-of date, producer and type, source. */
export async function FigureWithSource({
  label,
  observation,
  locale,
}: {
  label: string;
  observation: PublicObservation | null;
  locale: Locale;
}) {
  const [t, ts, editLink, words] = await Promise.all([
    getTranslations({ locale, namespace: "overview" }),
    getTranslations({ locale, namespace: "sourceTrust" }),
    staffEditProps(locale),
    getSourceLinkWords(locale),
  ]);
  return (
    <p className="figure" data-figure={label}>
      <span className="figure-kind">{label}</span>{" "}
      {observation ? (
        <>
          <span className="figure-value">{formatFigure(observation, locale)}</span>{" "}
          <span className="figure-meta">
            {formatAsOf(observation.asOf, observation.datePrecision, locale)} · <Quoted>{observation.producer.name}</Quoted> (
            {producerTypeLabel(observation.producer.type, locale)}) ·{" "}
            <SourceLink source={observation.source} text={words.text} formatDay={words.formatDay}>
              {observation.source.publisher ?? new URL(observation.source.url).hostname}
            </SourceLink>
            {" · "}
            <FigureDetailsLink
              href={getPathname({ href: `/figures/${observation.id}`, locale })}
              label={ts("link.detailsShort")}
              context={`${label}: ${formatFigure(observation, locale)}`}
            />
          </span>
          <StaffEditLink {...editLink(observation)} />
        </>
      ) : (
        <span className="muted">{t("noFigure")}</span>
      )}
    </p>
  );
}

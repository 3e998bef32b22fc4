import { getTranslations } from "next-intl/server";
import { producerTypeLabel } from "@/lib/i18n/format";
import type { PublicFraming } from "@/lib/indicators/framings";
import type { Locale } from "@/lib/i18n/routing";
import { localized } from "@/lib/i18n/localized";
import { isOfficial } from "@/lib/observations/types";
import { Quoted } from "@/components/text/Quoted";
import { SourceLink } from "@/components/sources/SourceLink";
import { getSourceLinkWords, type SourceLinkWords } from "@/components/sources/source-link-text";

function FramingList({
  framings,
  locale,
  empty,
  words,
}: {
  framings: PublicFraming[];
  locale: Locale;
  empty: string;
  words: SourceLinkWords;
}) {
  if (!framings.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="framing-list">
      {framings.map((framing) => (
        <li key={framing.id}>
          <blockquote lang={locale}>{localized(framing, "summary", locale)}</blockquote>
          <p className="muted">
            <Quoted>{framing.producer.name}</Quoted> ({producerTypeLabel(framing.producer.type, locale)}) ·{" "}
            <SourceLink source={framing.source} text={words.text} formatDay={words.formatDay}>
              {framing.source.publisher ?? new URL(framing.source.url).hostname}
            </SourceLink>
          </p>
        </li>
      ))}
    </ul>
  );
}

export async function FramingsSideBySide({ framings, locale }: { framings: PublicFraming[]; locale: Locale }) {
  const [t, words] = await Promise.all([getTranslations({ locale, namespace: "indicator" }), getSourceLinkWords(locale)]);
  return (
    <section aria-labelledby="framings-heading">
      <h2 id="framings-heading">{t("framings")}</h2>
      <div className="framings">
        <div className="framing-column framing-official">
          <h3>{t("governmentFraming")}</h3>
          <FramingList
            framings={framings.filter((f) => isOfficial(f.producer.type))}
            locale={locale}
            empty={t("noFraming")}
            words={words}
          />
        </div>
        <div className="framing-column framing-independent">
          <h3>{t("independentFraming")}</h3>
          <FramingList
            framings={framings.filter((f) => !isOfficial(f.producer.type))}
            locale={locale}
            empty={t("noFraming")}
            words={words}
          />
        </div>
      </div>
    </section>
  );
}

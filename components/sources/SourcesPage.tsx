import { getTranslations } from "next-intl/server";
import { producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { PRODUCER_TYPE_DISPLAY_ORDER } from "@/lib/schemas/enums";
import type { ProducerWithSources } from "@/lib/sources/producers";
import { EntryGroup } from "@/components/layout/EntryGroup";
import { ProducerSources } from "./ProducerSources";
import styles from "./sources.module.css";

type Props = { producers: ProducerWithSources[]; locale: Locale };

export async function SourcesPage({ producers, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "sources" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      {PRODUCER_TYPE_DISPLAY_ORDER.map((type) => {
        const ofType = producers.filter((producer) => producer.type === type);
        if (!ofType.length) return null;
        return (
          <EntryGroup key={type} id={`producers-${type}`} heading={producerTypeLabel(type, locale)} listClassName={styles.producers}>
            {ofType.map((producer) => (
              <ProducerSources key={producer.id} producer={producer} locale={locale} />
            ))}
          </EntryGroup>
        );
      })}
    </>
  );
}

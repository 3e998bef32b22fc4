import "server-only";
import { getTranslations } from "next-intl/server";
import { formatAsOf } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { sourceLinkText, type PlainSourceLinkText, type SourceLinkText } from "./SourceLink";

export type SourceLinkWords = {
  text: SourceLinkText;
  /** The same words as plain strings, for a client island. */
  plain: PlainSourceLinkText;
  formatDay: (isoDay: string) => string;
};

/** What SourceLink needs in a server page of this language. */
export async function getSourceLinkWords(locale: Locale): Promise<SourceLinkWords> {
  const t = await getTranslations({ locale, namespace: "sourceTrust" });
  const plain: PlainSourceLinkText = {
    classLabel: { primary: t("marker.primary"), press: t("marker.press"), secondary: t("marker.secondary") },
    secondaryNote: t("marker.secondaryNote"),
    archivedCopy: t("link.archivedCopy"),
    brokenSince: t("link.brokenSince", { date: "{date}" }),
  };
  return { text: sourceLinkText(plain), plain, formatDay: (isoDay) => formatAsOf(isoDay, "day", locale) };
}

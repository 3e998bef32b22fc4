import { getTranslations } from "next-intl/server";
import { formatAsOf, formatFigure } from "@/lib/i18n/format";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicObservation } from "@/lib/observations/types";

type Figure = Pick<PublicObservation, "id" | "value" | "valueMax" | "qualifier" | "asOf" | "datePrecision" | "producer">;

/** What a StaffEditLink beside a public figure says and where it leads: the same for every reader. */
export async function staffEditProps(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "figures.staff" });
  return (figure: Figure) => ({
    href: getPathname({ href: `/editor/observations/${figure.id}`, locale }),
    label: t("edit"),
    ariaLabel: t("editLabel", {
      figure: formatFigure(figure, locale),
      producer: figure.producer.name,
      period: formatAsOf(figure.asOf, figure.datePrecision, locale),
    }),
  });
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/editor-navigation";
import type { Locale } from "@/lib/i18n/routing";

/** A link to the editor's figure list filtered by one reference record (an indicator, producer or source). */
export async function FiguresLink({ locale, filter, name }: { locale: Locale; filter: Record<string, string>; name: string }) {
  const t = await getTranslations({ locale, namespace: "figures.reference" });
  return (
    <Link href={{ pathname: "/editor/observations", query: filter }} aria-label={t("figuresOf", { name })}>
      {t("figures")}
    </Link>
  );
}

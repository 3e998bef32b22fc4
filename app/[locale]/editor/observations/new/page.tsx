import { notFound } from "next/navigation";
import { editorMetadata } from "@/components/editor/editor-metadata";
import { getTranslations } from "next-intl/server";
import { ObservationForm } from "@/components/editor/ObservationForm";
import { EMPTY_OBSERVATION } from "@/components/editor/observation-form-values";
import { requireEditor } from "@/lib/auth/require-editor";
import { listProducerNames } from "@/lib/observations/editor-queries";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { listIndicators } from "@/lib/indicators/queries";
import { localized } from "@/lib/i18n/localized";
import { canCreateObservation } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "newFigure.title");

export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor/observations/new", locale }));
  if (!canCreateObservation(actor)) notFound();
  const [indicators, producers] = await Promise.all([listIndicators(), listProducerNames()]);
  const t = await getTranslations({ locale, namespace: "editor" });
  return (
    <>
      <h1>{t("newFigure.title")}</h1>
      <p className="lede">{t("newFigure.intro")}</p>
      <ObservationForm
        locale={locale}
        target={{ kind: "create" }}
        initial={EMPTY_OBSERVATION}
        indicators={indicators.map((indicator) => ({ slug: indicator.slug, name: localized(indicator, "name", locale) }))}
        producers={producers}
      />
    </>
  );
}

import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { indicatorOptions } from "@/components/reference/reference-form-text";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { listIndicatorChoices } from "@/lib/indicators/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.events.new");

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const choices = indicatorOptions(await listIndicatorChoices(), locale, "indicatorSlugs");
  return <ReferenceFormPage entity="event" locale={locale} record={null} choices={choices} />;
}

import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.events.new");

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  return <ReferenceFormPage entity="event" locale={locale} record={null} />;
}

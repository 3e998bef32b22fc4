import { ReferenceIndex } from "@/components/reference/ReferenceIndex";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("title");

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  return <ReferenceIndex locale={locale} />;
}

import { notFound } from "next/navigation";
import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { getSourceForEdit } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.sources.edit");

type Props = { params: Promise<{ locale: string; id: string }> };

export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const source = await getSourceForEdit((await params).id);
  if (!source) notFound();
  return <ReferenceFormPage entity="source" locale={locale} record={source} />;
}

import { notFound } from "next/navigation";
import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { getProducerForEdit } from "@/lib/sources/producers";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.producers.edit");

type Props = { params: Promise<{ locale: string; id: string }> };

export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const producer = await getProducerForEdit((await params).id);
  if (!producer) notFound();
  return <ReferenceFormPage entity="producer" locale={locale} record={producer} />;
}

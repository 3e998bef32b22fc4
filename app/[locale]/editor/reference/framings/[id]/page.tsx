import { notFound } from "next/navigation";
import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { indicatorOptions } from "@/components/reference/reference-form-text";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { getFramingForEdit } from "@/lib/indicators/framings";
import { listIndicatorChoices } from "@/lib/indicators/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.framings.edit");

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string | string[] }> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const framing = await getFramingForEdit((await params).id);
  if (!framing) notFound();
  const choices = indicatorOptions(await listIndicatorChoices(), locale);
  return (
    <ReferenceFormPage entity="framing" locale={locale} record={framing} choices={choices} created={(await searchParams).created === "1"} />
  );
}

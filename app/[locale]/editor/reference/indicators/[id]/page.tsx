import { notFound } from "next/navigation";
import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { getIndicatorForEdit } from "@/lib/indicators/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.indicators.edit");

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string | string[] }> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const indicator = await getIndicatorForEdit((await params).id);
  if (!indicator) notFound();
  return <ReferenceFormPage entity="indicator" locale={locale} record={indicator} created={(await searchParams).created === "1"} />;
}

import { notFound } from "next/navigation";
import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { indicatorOptions } from "@/components/reference/reference-form-text";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { listIndicatorChoices } from "@/lib/indicators/queries";
import { getEventForEdit } from "@/lib/events/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.events.edit");

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string | string[] }> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const event = await getEventForEdit((await params).id);
  if (!event) notFound();
  const choices = indicatorOptions(await listIndicatorChoices(), locale, "indicatorSlugs");
  return (
    <ReferenceFormPage entity="event" locale={locale} record={event} choices={choices} created={(await searchParams).created === "1"} />
  );
}

import { notFound } from "next/navigation";
import { ReferenceFormPage } from "@/components/reference/ReferenceFormPage";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { getEventForEdit } from "@/lib/events/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.events.edit");

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ created?: string | string[] }> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const event = await getEventForEdit((await params).id);
  if (!event) notFound();
  return <ReferenceFormPage entity="event" locale={locale} record={event} created={(await searchParams).created === "1"} />;
}

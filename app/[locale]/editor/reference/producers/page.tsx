import { ProducersList } from "@/components/reference/ProducersList";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZListQuery } from "@/lib/reference/list-page";
import { listProducersForEditor } from "@/lib/sources/producers";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.producers.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const list = await listProducersForEditor(ZListQuery.parse(await searchParams));
  return <ProducersList locale={locale} list={list} />;
}

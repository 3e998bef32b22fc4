import { SourcesList } from "@/components/reference/SourcesList";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZListQuery } from "@/lib/reference/list-page";
import { listSourcesForEditor, ZSourceClassFilter } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.sources.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const query = await searchParams;
  const sourceClass = ZSourceClassFilter.parse(query.class);
  const list = await listSourcesForEditor(ZListQuery.parse(query), sourceClass);
  return <SourcesList locale={locale} list={list} sourceClass={sourceClass} />;
}

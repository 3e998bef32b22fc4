import { FramingsList } from "@/components/reference/FramingsList";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { listFramingsForEditor } from "@/lib/indicators/framings";
import { ZListQuery } from "@/lib/reference/list-page";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.framings.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const list = await listFramingsForEditor(ZListQuery.parse(await searchParams));
  return <FramingsList locale={locale} list={list} />;
}

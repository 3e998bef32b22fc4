import { IndicatorsList } from "@/components/reference/IndicatorsList";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { listIndicatorsForEditor } from "@/lib/indicators/queries";
import { ZListQuery } from "@/lib/reference/list-page";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("sections.indicators.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  await requireReferenceEditor(locale);
  const list = await listIndicatorsForEditor(ZListQuery.parse(await searchParams));
  return <IndicatorsList locale={locale} list={list} />;
}

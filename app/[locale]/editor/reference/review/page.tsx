import { ReferenceReviewPage } from "@/components/reference/ReferenceReviewPage";
import { referenceMetadata } from "@/components/reference/reference-metadata";
import { requireReferenceEditor } from "@/lib/auth/require-reference-editor";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZListQuery } from "@/lib/reference/list-page";
import { listPendingReferenceChanges } from "@/lib/reference/queries";

export const dynamic = "force-dynamic";
export const generateMetadata = referenceMetadata("review.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// /{locale}/editor/reference/review – pending reference changes, 50 a page
export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const actor = await requireReferenceEditor(locale);
  const list = await listPendingReferenceChanges(ZListQuery.parse(await searchParams));
  return <ReferenceReviewPage locale={locale} list={list} actor={actor} />;
}

import { editorMetadata } from "@/components/editor/editor-metadata";
import { notFound } from "next/navigation";
import { requireEditor } from "@/lib/auth/require-editor";
import { ReviewPage } from "@/components/editor/ReviewPage";
import { listReviewQueue } from "@/lib/observations/editor-queries";
import { countPendingReferenceChanges } from "@/lib/reference/queries";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZPageParam } from "@/lib/paging";
import { canPublishObservation, canReview, hasChangedDraft } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "review.title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor/review", locale }));
  if (!canReview(actor)) notFound();
  const [queue, referenceChanges] = await Promise.all([
    listReviewQueue(ZPageParam.parse((await searchParams).page)),
    countPendingReferenceChanges(),
  ]);
  const entries = queue.rows.map((item) => ({
    item,
    canPublish: canPublishObservation(actor, item),
    ownDraft: hasChangedDraft(actor, item),
  }));
  return <ReviewPage locale={locale} entries={entries} queue={queue} referenceChanges={referenceChanges} />;
}

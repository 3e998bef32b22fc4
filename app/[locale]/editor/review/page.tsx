import { editorMetadata } from "@/components/editor/editor-metadata";
import { notFound } from "next/navigation";
import { requireEditor } from "@/lib/auth/require-editor";
import { ReviewPage } from "@/components/editor/ReviewPage";
import { listReviewFilterChoices, listReviewQueue } from "@/lib/observations/editor-queries";
import { listIndicators } from "@/lib/indicators/queries";
import { countPendingReferenceChanges } from "@/lib/reference/queries";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZPageParam } from "@/lib/paging";
import { readReviewFlash, ZReviewFilters } from "@/lib/schemas/review";
import { canPublishObservation, canReview, hasChangedDraft } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "review.title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor/review", locale }));
  if (!canReview(actor)) notFound();
  const search = await searchParams;
  const filters = ZReviewFilters.parse(search);
  const [queue, producersAuthorsBatches, indicators, referenceChanges] = await Promise.all([
    listReviewQueue(ZPageParam.parse(search.page), filters),
    listReviewFilterChoices(),
    listIndicators(),
    countPendingReferenceChanges(),
  ]);
  const entries = queue.rows.map((item) => ({
    item,
    canPublish: canPublishObservation(actor, item),
    ownDraft: hasChangedDraft(actor, item),
  }));
  return (
    <ReviewPage
      locale={locale}
      entries={entries}
      queue={queue}
      filters={filters}
      choices={{ ...producersAuthorsBatches, indicators }}
      actorId={actor.kind === "user" ? actor.user.id : null}
      referenceChanges={referenceChanges}
      flash={readReviewFlash(search)}
    />
  );
}

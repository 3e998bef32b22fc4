import { editorMetadata } from "@/components/editor/editor-metadata";
import { notFound } from "next/navigation";
import { ObservationPage } from "@/components/editor/ObservationPage";
import { requireEditor } from "@/lib/auth/require-editor";
import { listObservationHistory } from "@/lib/changes/history";
import { getObservationForEditing, getReviewState, listProducerNames } from "@/lib/observations/editor-queries";
import { readReviewFlash } from "@/lib/schemas/review";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { listIndicators } from "@/lib/indicators/queries";
import {
  canDiscardObservation,
  canEditObservation,
  canPublishObservation,
  canRetractObservation,
  canReview,
  canSendBackObservation,
  hasChangedDraft,
} from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { id } = await params;
  const { actor } = await requireEditor(locale, getPathname({ href: `/editor/observations/${id}`, locale }));
  const figure = await getObservationForEditing(id);
  if (!figure) notFound();
  const [history, indicators, producers, reviewState] = await Promise.all([
    listObservationHistory(id),
    listIndicators(),
    listProducerNames(),
    getReviewState(id),
  ]);
  const isDraft = figure.status === "draft";
  const can = {
    // A published figure with a correction already waiting takes no second one (the server would refuse it).
    edit: canEditObservation(actor) && (isDraft || (figure.status === "published" && !figure.pendingCorrectionId)),
    // A draft sent back waits for its writers to change it (the server refuses to publish it meanwhile).
    publish: isDraft && !reviewState?.sentBack && canPublishObservation(actor, figure),
    retract: figure.status === "published" && canRetractObservation(actor),
    ownDraft: isDraft && canReview(actor) && hasChangedDraft(actor, figure),
    sendBack: isDraft && !reviewState?.sentBack && canSendBackObservation(actor, figure),
    discard: isDraft && canDiscardObservation(actor, figure),
  };
  const search = await searchParams;
  const saved = Number(search.saved);
  return (
    <ObservationPage
      locale={locale}
      figure={figure}
      history={history}
      indicators={indicators}
      producers={producers}
      can={can}
      savedVersion={Number.isInteger(saved) ? saved : null}
      reviewState={reviewState}
      flash={readReviewFlash(search)}
    />
  );
}

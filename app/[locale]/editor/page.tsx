import { editorMetadata } from "@/components/editor/editor-metadata";
import { DashboardPage } from "@/components/editor/DashboardPage";
import { requireEditor } from "@/lib/auth/require-editor";
import { countWaitingDrafts, listMyDrafts, listRecentlyPublished, listSentBackTo } from "@/lib/observations/editor-queries";
import { accountableUserId } from "@/lib/auth/actor";
import { EDITOR_COUNT_CAP } from "@/lib/paging";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { ZPageParam } from "@/lib/paging";
import { canReview } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "dashboard.title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor", locale }));
  const page = ZPageParam.parse((await searchParams).page);
  const userId = accountableUserId(actor);
  const reviewer = canReview(actor);
  const [drafts, sentBack, recent, waiting] = await Promise.all([
    listMyDrafts(userId, page),
    listSentBackTo(userId),
    listRecentlyPublished(),
    reviewer ? countWaitingDrafts() : null,
  ]);
  return (
    <DashboardPage
      locale={locale}
      drafts={drafts}
      sentBack={sentBack}
      recent={recent}
      canReview={reviewer}
      waiting={waiting === null ? null : { count: Math.min(waiting, EDITOR_COUNT_CAP), capped: waiting > EDITOR_COUNT_CAP }}
    />
  );
}

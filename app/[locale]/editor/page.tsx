import { editorMetadata } from "@/components/editor/editor-metadata";
import { DashboardPage } from "@/components/editor/DashboardPage";
import { requireEditor } from "@/lib/auth/require-editor";
import { listDrafts, listRecentlyPublished } from "@/lib/observations/editor-queries";
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
  const [drafts, recent] = await Promise.all([listDrafts(page), listRecentlyPublished()]);
  return <DashboardPage locale={locale} drafts={drafts} recent={recent} canReview={canReview(actor)} />;
}

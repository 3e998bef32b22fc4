import { editorMetadata } from "@/components/editor/editor-metadata";
import { DashboardPage } from "@/components/editor/DashboardPage";
import { requireEditor } from "@/components/editor/require-editor";
import { listDrafts, listRecentlyPublished } from "@/lib/editor-queries";
import { requireLocale } from "@/lib/i18n/request-locale";
import { canReview } from "@/lib/permissions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "dashboard.title");

export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, `/${locale}/editor`);
  const [drafts, recent] = await Promise.all([listDrafts(), listRecentlyPublished()]);
  return <DashboardPage locale={locale} drafts={drafts} recent={recent} canReview={canReview(actor)} />;
}

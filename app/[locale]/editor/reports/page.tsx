import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReportsPage } from "@/components/reports/ReportsPage";
import { requireEditor } from "@/lib/auth/require-editor";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/routing";
import { ZPageParam } from "@/lib/paging";
import { listProblemReports } from "@/lib/reports/list-reports";
import { ZReportFilter } from "@/lib/schemas/problem-report";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "reports.staff" });
  return { title: t("title") };
}

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { actor } = await requireEditor(locale, getPathname({ href: "/editor/reports", locale }));
  const query = await searchParams;
  const filter = ZReportFilter.parse(query.status);
  const reports = await listProblemReports(actor, filter, ZPageParam.parse(query.page));
  return <ReportsPage locale={locale} filter={filter} reports={reports} />;
}

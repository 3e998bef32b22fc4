import { ApiDocsPage } from "@/components/api-docs/ApiDocsPage";
import { requireLocale } from "@/lib/i18n/request-locale";
import { siteOrigin } from "@/lib/site-origin";

export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await requireLocale(params);
  return <ApiDocsPage locale={locale} origin={await siteOrigin()} />;
}

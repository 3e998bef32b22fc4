import { editorMetadata } from "@/components/editor/editor-metadata";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/editor/SetupForm";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { countUsers } from "@/lib/users/users";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "setup.title");

// First run only: once anyone has an account, this page does not exist.
export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  if ((await countUsers()) > 0) notFound();
  const t = await getTranslations({ locale, namespace: "editor" });
  return (
    <>
      <h1>{t("setup.title")}</h1>
      <p className="lede">{t("setup.intro")}</p>
      <SetupForm dashboardPath={getPathname({ href: "/editor", locale })} />
    </>
  );
}

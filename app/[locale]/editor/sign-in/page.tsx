import { editorMetadata } from "@/components/editor/editor-metadata";
import { getTranslations } from "next-intl/server";
import { editorReturnPath } from "@/lib/auth/require-editor";
import { SignInForm } from "@/components/editor/SignInForm";
import { getPageUser } from "@/lib/auth/page-session";
import { redirect } from "next/navigation";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";
import { countUsers } from "@/lib/users/users";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[]; changed?: string }> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "signIn.title");

export default async function Page({ params, searchParams }: Props) {
  const locale = await requireLocale(params);
  const { next, changed } = await searchParams;
  const redirectTo = editorReturnPath(next, locale);
  if (await getPageUser()) redirect(redirectTo);
  if ((await countUsers()) === 0) redirect(getPathname({ href: "/editor/setup", locale }));
  const t = await getTranslations({ locale, namespace: "editor" });
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <p className="lede">{t("signIn.intro")}</p>
      {changed ? <p role="status">{t("signIn.passwordChanged")}</p> : null}
      <SignInForm redirectTo={redirectTo} />
    </>
  );
}

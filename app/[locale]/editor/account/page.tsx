import { editorMetadata } from "@/components/editor/editor-metadata";
import { AccountPage } from "@/components/editor/AccountPage";
import { requireEditor } from "@/lib/auth/require-editor";
import { getPathname } from "@/lib/i18n/navigation";
import { requireLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = ({ params }: Props) => editorMetadata(params, "account.title");

export default async function Page({ params }: Props) {
  const locale = await requireLocale(params);
  const { user } = await requireEditor(locale, getPathname({ href: "/editor/account", locale }));
  return <AccountPage locale={locale} user={user} />;
}

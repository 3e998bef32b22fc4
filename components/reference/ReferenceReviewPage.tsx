import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/routing";
import type { ListPage } from "@/lib/reference/list-page";
import type { PendingReferenceChange } from "@/lib/reference/queries";
import { Pagination } from "./Pagination";
import { ProposalList } from "./ProposalCard";
import { ReferenceBreadcrumbs } from "./ReferenceBreadcrumbs";

/** Every pending reference change, oldest first, a page at a time, with what each person may do. */
export async function ReferenceReviewPage({
  locale,
  list,
  actor,
}: {
  locale: Locale;
  list: ListPage<PendingReferenceChange>;
  actor: Actor;
}) {
  const t = await getTranslations({ locale, namespace: "reference" });
  return (
    <>
      <ReferenceBreadcrumbs locale={locale} />
      <h1>{t("review.title")}</h1>
      <p className="lede">{t("review.intro")}</p>
      <p role="status">{list.total ? t("review.count", { count: list.total }) : t("review.empty")}</p>
      <ProposalList proposals={list.rows} actor={actor} locale={locale} />
      <Pagination locale={locale} base="/editor/reference/review" list={list} />
    </>
  );
}

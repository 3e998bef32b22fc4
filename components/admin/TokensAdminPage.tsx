import { getTranslations } from "next-intl/server";
import { formatMoment } from "@/components/editor/format-time";
import type { listApiTokens } from "@/lib/users/api-tokens";
import type { Locale } from "@/lib/i18n/routing";
import { Pagination } from "@/components/editor/Pagination";
import { Quoted } from "@/components/text/Quoted";
import { NewTokenForm } from "./NewTokenForm";
import { RevokeTokenButton } from "./RevokeTokenButton";
import styles from "./admin.module.css";

type Props = { tokens: Awaited<ReturnType<typeof listApiTokens>>; locale: Locale };

/** API tokens by prefix (the secret itself is never stored), when they were used, and whether they still work. */
export async function TokensAdminPage({ tokens, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "changes.admin" });
  const paging = await getTranslations({ locale, namespace: "editor.paging" });
  const moment = (date: Date | null) =>
    date ? <time dateTime={date.toISOString()}>{formatMoment(date.toISOString(), locale)}</time> : null;
  return (
    <>
      <h1>{t("tokens.title")}</h1>
      <p className="lede">{t("tokens.intro")}</p>
      <section aria-labelledby="add-token">
        <h2 id="add-token">{t("tokens.add")}</h2>
        <NewTokenForm />
      </section>
      <section aria-labelledby="token-list" className={styles.section}>
        <h2 id="token-list">{t("tokens.title")}</h2>
        <Pagination locale={locale} base="/editor/admin/tokens" list={tokens} label={paging("tokenPages")} />
        {tokens.rows.length === 0 ? (
          <p className="muted">{t("tokens.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("tokens.name")}</th>
                  <th scope="col">{t("tokens.prefix")}</th>
                  <th scope="col">{t("tokens.created")}</th>
                  <th scope="col">{t("tokens.lastUsed")}</th>
                  <th scope="col">{t("tokens.state")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("tokens.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.rows.map((token) => (
                  <tr key={token.id} data-token={token.id}>
                    <td className={styles.cellWrap}>
                      <Quoted>{token.name}</Quoted>
                    </td>
                    <td>
                      <code>{token.tokenPrefix}…</code>
                    </td>
                    <td>
                      {moment(token.createdAt)} · {t("tokens.createdBy")} <Quoted>{token.createdBy.displayName}</Quoted>
                    </td>
                    <td>{moment(token.lastUsedAt) ?? t("dateNever")}</td>
                    <td>
                      {/* A revoked token says when; one that still works says so, rather than leaving the cell empty. */}
                      {token.revokedAt ? (
                        <>
                          {t("tokens.revokedOn")} {moment(token.revokedAt)}
                        </>
                      ) : (
                        t("tokens.active")
                      )}
                    </td>
                    <td>{token.revokedAt ? null : <RevokeTokenButton token={token} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { formatMoment } from "@/components/editor/format-time";
import { Pagination } from "@/components/editor/Pagination";
import type { Locale } from "@/lib/i18n/routing";
import type { listUsers } from "@/lib/users/users";
import { NewUserForm } from "./NewUserForm";
import styles from "./admin.module.css";

type Props = { users: Awaited<ReturnType<typeof listUsers>>; locale: Locale };

/** Everyone who can sign in, with their role, and a form to add someone. Admins only (the page checks). */
export async function UsersAdminPage({ users, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "changes.admin" });
  const paging = await getTranslations({ locale, namespace: "editor.paging" });
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="lede">{t("users.intro")}</p>
      <Pagination locale={locale} base="/editor/admin/users" list={users} label={paging("userPages")} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("users.displayName")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.created")}</th>
              <th scope="col">{t("users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.rows.map((user) => (
              <tr key={user.id} data-user={user.id}>
                <td>{user.displayName}</td>
                <td className={styles.cellWrap}>{user.email}</td>
                <td>{t(`users.roles.${user.role}`)}</td>
                <td>{formatMoment(user.createdAt.toISOString(), locale)}</td>
                <td>{user.disabledAt ? t("users.disabled") : t("users.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-user" className={styles.section}>
        <h2 id="add-user">{t("users.add")}</h2>
        <NewUserForm />
      </section>
    </>
  );
}

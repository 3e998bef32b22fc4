import { getTranslations } from "next-intl/server";
import { formatMoment } from "@/components/editor/format-time";
import { Pagination } from "@/components/editor/Pagination";
import { Quoted } from "@/components/text/Quoted";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { listUsers } from "@/lib/users/users";
import { NewUserForm } from "./NewUserForm";
import { UserActions } from "./UserActions";
import styles from "./UserAdmin.module.css";

/** `currentUserId`: the admin looking at the page, whose own row warns before they lock themself out. */
type Props = { users: Awaited<ReturnType<typeof listUsers>>; locale: Locale; currentUserId: string };

/** Everyone who can sign in, with their role, status and actions, and a form to add someone. Admins only (the page checks). */
export async function UsersAdminPage({ users, locale, currentUserId }: Props) {
  const t = await getTranslations({ locale, namespace: "users" });
  const paging = await getTranslations({ locale, namespace: "editor.paging" });
  const roles = await getTranslations({ locale, namespace: "editor.roles" });
  const startPage = getPathname({ href: "/editor", locale });
  const moment = (date: Date) => <time dateTime={date.toISOString()}>{formatMoment(date.toISOString(), locale)}</time>;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <Pagination locale={locale} base="/editor/admin/users" list={users} label={paging("userPages")} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("columns.displayName")}</th>
              <th scope="col">{t("columns.email")}</th>
              <th scope="col">{t("columns.role")}</th>
              <th scope="col">{t("columns.created")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.rows.map((user) => (
              <tr
                key={user.id}
                data-user={user.id}
                data-email={user.email}
                data-role={user.role}
                data-active={user.disabledAt ? "false" : "true"}
              >
                <td className={styles.cellWrap}>
                  <Quoted>{user.displayName}</Quoted>
                </td>
                <td className={styles.cellWrap}>
                  <Quoted>{user.email}</Quoted>
                </td>
                <td>{roles(user.role)}</td>
                <td>{moment(user.createdAt)}</td>
                <td>
                  {user.disabledAt
                    ? t("status.deactivated", { date: formatMoment(user.disabledAt.toISOString(), locale) })
                    : t("status.active")}
                </td>
                <td>
                  <UserActions
                    user={{ id: user.id, displayName: user.displayName, role: user.role, active: !user.disabledAt }}
                    isSelf={user.id === currentUserId}
                    startPage={startPage}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-user" className={styles.section}>
        <h2 id="add-user">{t("add.title")}</h2>
        <NewUserForm />
      </section>
    </>
  );
}

// The session and device cookies are `__Host-` cookies in production: the browser then keeps them only
// when set over HTTPS with Secure, Path=/ and no Domain, so no sibling subdomain or plain-http page can
// plant or overwrite one. Plain-http test servers (CONTRASTE_INSECURE_COOKIES=1) and `next dev` cannot
// send Secure, and browsers refuse `__Host-` without it, so there the name goes without the prefix.
const secure = () => process.env.NODE_ENV === "production" && process.env.CONTRASTE_INSECURE_COOKIES !== "1";

/** The name a cookie goes by in this environment; only that name is read back. */
export const cookieName = (name: string) => (secure() ? `__Host-${name}` : name);

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null; // malformed percent-encoding ("%E0%A4%A"): no session, not a server error
    }
  }
  return null;
}

/** A Set-Cookie value; `until` null clears the cookie. */
export function setCookieHeader(name: string, value: string, until: Date | null): string {
  const lifetime = until ? `Expires=${until.toUTCString()}` : "Max-Age=0";
  return `${cookieName(name)}=${until ? encodeURIComponent(value) : ""}; Path=/; ${lifetime}; HttpOnly; SameSite=Lax${secure() ? "; Secure" : ""}`;
}

/**
 * Set beside the session cookie, for as long as it lasts: "someone who keeps the figures uses this
 * browser". Scripts may read it (no HttpOnly) so public pages, which are the same cached HTML for
 * everyone, can reveal an "Edit" link per figure in the browser. It grants nothing: the editor's pages
 * and routes check the session.
 */
export const STAFF_HINT_COOKIE = "contraste_staff";

/** The Set-Cookie value of the staff hint; `until` null clears it. */
export function staffHintCookie(until: Date | null): string {
  const lifetime = until ? `Expires=${until.toUTCString()}` : "Max-Age=0";
  return `${cookieName(STAFF_HINT_COOKIE)}=${until ? "1" : ""}; Path=/; ${lifetime}; SameSite=Lax${secure() ? "; Secure" : ""}`;
}

/** Whether a `document.cookie` string carries the staff hint, under either name it may go by. */
export function hasStaffHint(cookieHeader: string): boolean {
  return cookieHeader.split(";").some((part) => {
    const pair = part.trim();
    return pair === `${STAFF_HINT_COOKIE}=1` || pair === `__Host-${STAFF_HINT_COOKIE}=1`;
  });
}

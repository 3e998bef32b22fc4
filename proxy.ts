import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

// Sends "/" and unprefixed paths to /es/... or /en/... from the reader's cookie or Accept-Language.
export default createMiddleware(routing);

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};

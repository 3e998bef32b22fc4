import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// Every localized path is built here: hrefs are written without the locale ("/editor/review") and
// come out as "/es/editor/review"; getPathname serves plain <a>, form actions and return paths.
const navigation = createNavigation(routing);

export const { Link, usePathname, useRouter, getPathname } = navigation;

// Annotated so that TypeScript treats the code after a redirect as unreachable, as with next/navigation's.
export const redirect: typeof navigation.redirect = navigation.redirect;

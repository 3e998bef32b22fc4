import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// next-intl's Link and hooks read the locale from NextIntlClientProvider, which only the editor layout
// has: the workspace uses them, public pages build paths with getPathname (./navigation.ts) instead.
export const { Link, usePathname, useRouter } = createNavigation(routing);

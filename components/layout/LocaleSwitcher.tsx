"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { canonicalPageQuery } from "@/lib/public-routes";
import { getPathname, usePathname as useUnlocalizedPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The same page and chart state in the other language (rendered on the server too, so it works without
 * JavaScript). A public page links with only the parameters it reads, in their one spelling: its cached
 * copy is shared by every address that differs in anything else.
 */
export function LocaleSwitcher({ target, label, title }: { target: Locale; label: string; title: string }) {
  const pathname = usePathname();
  const search = canonicalPageQuery(pathname, new URLSearchParams(useSearchParams().toString()));
  const href = `${getPathname({ href: useUnlocalizedPathname(), locale: target })}${search}`;
  return (
    <a href={href} hrefLang={target} lang={target} title={title} className="locale-switcher" data-testid="locale-switcher">
      {label}
    </a>
  );
}

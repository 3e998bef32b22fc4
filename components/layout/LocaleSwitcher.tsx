"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";

/** The same page and chart state in the other language (rendered on the server too, so it works without JavaScript). */
export function LocaleSwitcher({ target, label, title }: { target: Locale; label: string; title: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = `${pathname.replace(/^\/(es|en)(?=\/|$)/, `/${target}`)}${search ? `?${search}` : ""}`;
  return (
    <a href={href} hrefLang={target} lang={target} title={title} className="locale-switcher" data-testid="locale-switcher">
      {label}
    </a>
  );
}

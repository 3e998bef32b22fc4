"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { inLocale } from "@/lib/i18n/page-address";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The same page and chart state in the other language. The server writes the link (`href`: the page's
 * query in its one spelling, so a cached copy links the same way for every address it is shared by),
 * and it works without JavaScript. After an in-page navigation (a sorted table, a chart control) the
 * link follows the address the reader is now on.
 */
export function LocaleSwitcher({ href, target, label, title }: { href: string; target: Locale; label: string; title: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const address = `${pathname}${query ? `?${query}` : ""}`;
  const [served] = useState(address);
  return (
    <a
      href={address === served ? href : inLocale(address, target)}
      hrefLang={target}
      lang={target}
      title={title}
      className="locale-switcher"
      data-testid="locale-switcher"
    >
      {label}
    </a>
  );
}

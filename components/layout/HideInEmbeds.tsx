"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Embedded charts show no site navigation: the host page is the reader's context. */
export function HideInEmbeds({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return /^\/(es|en)\/embed\//.test(pathname) ? null : children;
}

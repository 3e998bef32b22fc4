"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatMoment } from "@/components/editor/format-time";
import { withQuoted } from "@/components/text/Quoted";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./UserAdmin.module.css";

type Props = { name: string; link: { url: string; path: string; expiresAt: string }; locale: Locale; onDismiss: () => void };

/** A password link just created: shown this once (only its hash is kept), with a way to copy it. */
export function UserResetLink({ name, link, locale, onDismiss }: Props) {
  const t = useTranslations("users.resetLink");
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  // Without a configured public address the server may know no origin; the browser's is the one the admin uses.
  const url = /^https?:\/\//.test(link.url) ? link.url : `${window.location.origin}${link.path}`;
  // Focus moves here so keyboard and screen-reader users meet the link and its warning first.
  useEffect(() => box.current?.focus(), []);

  const field = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard access (a plain-http address): the link is selected for the admin to copy.
      field.current?.select();
    }
  }

  return (
    <div ref={box} tabIndex={-1} role="region" aria-label={t("title", { name })} className={styles.link} data-testid="reset-link">
      <h3>{withQuoted((quoted) => t("title", quoted), { name })}</h3>
      <p>
        <strong>{withQuoted((quoted) => t("warning", { ...quoted, expires: formatMoment(link.expiresAt, locale) }), { name })}</strong>
      </p>
      <input
        ref={field}
        className={styles.linkValue}
        readOnly
        value={url}
        aria-label={t("title", { name })}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className={styles.linkButtons}>
        <button type="button" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </button>
        <button type="button" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./admin.module.css";

type Props = { token: { name: string; secret: string }; onDismiss: () => void };

/** The secret of a token just created, with the warning that it will not be shown again. */
export function NewTokenSecret({ token, onDismiss }: Props) {
  const t = useTranslations("changes.admin");
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  // Focus moves here so keyboard and screen-reader users meet the secret and its warning first.
  useEffect(() => box.current?.focus(), []);

  async function copy() {
    await navigator.clipboard.writeText(token.secret);
    setCopied(true);
  }

  return (
    <div ref={box} tabIndex={-1} role="region" aria-labelledby="new-token-secret" className={styles.secret} data-testid="token-secret">
      <h3 id="new-token-secret">{t("tokens.secretTitle", { name: token.name })}</h3>
      <p>
        <strong>{t("tokens.secretWarning")}</strong>
      </p>
      <input
        className={styles.secretValue}
        readOnly
        value={token.secret}
        aria-labelledby="new-token-secret"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className={formStyles.actions}>
        <button type="button" onClick={copy}>
          {copied ? t("tokens.copied") : t("tokens.copy")}
        </button>
        <button type="button" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
    </div>
  );
}

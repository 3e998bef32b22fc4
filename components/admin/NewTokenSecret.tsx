"use client";

import { useEffect, useRef, useState } from "react";
import { fill } from "@/components/editor/field-errors";
import styles from "./admin.module.css";

export type SecretLabels = { secretTitle: string; secretWarning: string; copy: string; copied: string; dismiss: string };

type Props = { token: { name: string; secret: string }; labels: SecretLabels; onDismiss: () => void };

/** The secret of a token just created, with the warning that it will not be shown again. */
export function NewTokenSecret({ token, labels, onDismiss }: Props) {
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
      <h3 id="new-token-secret">{fill(labels.secretTitle, { name: token.name })}</h3>
      <p>
        <strong>{labels.secretWarning}</strong>
      </p>
      <input
        className={styles.secretValue}
        readOnly
        value={token.secret}
        aria-labelledby="new-token-secret"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className={styles.actions}>
        <button type="button" onClick={copy}>
          {copied ? labels.copied : labels.copy}
        </button>
        <button type="button" onClick={onDismiss}>
          {labels.dismiss}
        </button>
      </div>
    </div>
  );
}

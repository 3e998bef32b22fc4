"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** Copies a text to the clipboard; shown only where JavaScript runs (the text itself is on the page). */
export function CopyButton({ text, labels }: { text: string; labels: { copy: string; copied: string } }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard?.writeText(text);
        setCopied(true);
      }}
    >
      {copied ? labels.copied : labels.copy}
    </button>
  );
}

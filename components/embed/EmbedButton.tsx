"use client";

import { useState } from "react";

/** Shows the iframe code for this chart (with its current state) to copy into another site. */
export function EmbedButton({
  code,
  labels,
}: {
  code: string;
  labels: { embed: string; embedCode: string; copy: string; copied: string };
}) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="embed-button">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="embed-button">
        {labels.embed}
      </button>
      {open ? (
        <div>
          <label>
            {labels.embedCode}
            <textarea
              className="embed-code"
              readOnly
              rows={3}
              value={code}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="embed-code"
            />
          </label>
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard?.writeText(code);
              setCopied(true);
            }}
          >
            {copied ? labels.copied : labels.copy}
          </button>
        </div>
      ) : null}
    </div>
  );
}

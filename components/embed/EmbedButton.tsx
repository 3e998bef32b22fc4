import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { getIndicatorBySlug } from "@/lib/indicators/queries";
import { EMBED_HEIGHT, EMBED_WIDTH, embedIframe } from "@/lib/public-api/oembed";
import { embedHeightFor } from "./embed-size";
import { CopyButton } from "./CopyButton";
import { RESIZE_MESSAGE_TYPE } from "./resize-message";

/** The host page's listener for the embed's height, as the help text shows it. */
export const RESIZE_LISTENER = `<script>
  addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "${RESIZE_MESSAGE_TYPE}") return;
    for (const frame of document.querySelectorAll('iframe[src*="/embed/' + data.slug + '"]')) frame.height = data.height;
  });
</script>`;

/**
 * The iframe code for this chart (with its current state) to paste into another site. Plain text in a
 * <details>, so it can be read and copied without JavaScript; the copy button comes with JavaScript.
 */
export async function EmbedButton({ embedUrl, name, locale }: { embedUrl: string; name: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "embed" });
  // The height that fits this chart, as the link draws it, at every width up to EMBED_WIDTH.
  const url = new URL(embedUrl);
  const indicator = await getIndicatorBySlug(url.pathname.split("/").pop() ?? "");
  const height = indicator ? await embedHeightFor(indicator, url.searchParams, locale) : EMBED_HEIGHT;
  const code = embedIframe(embedUrl, name, EMBED_WIDTH, height);
  return (
    <details className="embed-button">
      <summary data-testid="embed-button">{t("open")}</summary>
      <label>
        {t("code")}
        {/* Keyed by the code: a link that changes the chart's state re-renders the page in place, and an
            uncontrolled textarea would keep the previous state's code. */}
        <textarea
          key={code}
          className="embed-code"
          readOnly
          rows={3}
          defaultValue={code}
          lang="zxx"
          translate="no"
          data-testid="embed-code"
        />
      </label>
      <CopyButton text={code} labels={{ copy: t("copy"), copied: t("copied") }} />
      <p className="muted" data-testid="embed-height-help">
        {t("heightHelp", { height, width: EMBED_WIDTH })}
      </p>
      <p className="muted">{t("resizeHelp", { type: RESIZE_MESSAGE_TYPE })}</p>
      <pre className="code-example" lang="zxx" translate="no">
        <code>{RESIZE_LISTENER}</code>
      </pre>
    </details>
  );
}

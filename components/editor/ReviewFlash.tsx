import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { ReviewFlashMessage } from "@/lib/schemas/review";
import styles from "./editor.module.css";

export type { ReviewFlashMessage };

/** What the last review action did (published N figures, sent back, discarded), announced to screen readers. */
export async function ReviewFlash({ message, locale }: { message: ReviewFlashMessage | null; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "review.flash" });
  const text =
    message?.done === "published"
      ? t("published", { published: message.published, corrected: message.corrected })
      : message?.done === "sent_back"
        ? t("sentBack")
        : message?.done === "discarded"
          ? t("discarded")
          : "";
  // Always present, so assistive technology hears the message when it appears.
  return (
    <p role="status" className={text ? styles.notice : undefined}>
      {text.trim()}
    </p>
  );
}

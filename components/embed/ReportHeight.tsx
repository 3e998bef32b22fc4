"use client";

import { useEffect } from "react";
import { RESIZE_MESSAGE_TYPE, type ResizeMessage } from "./resize-message";

// The host page cannot see inside a cross-origin iframe; the embed tells it how tall it is.
export function ReportHeight({ slug }: { slug: string }) {
  useEffect(() => {
    const report = () => {
      // The content's own height, not the document's: a frame taller than its content must be able to shrink.
      const content = document.querySelector("main") ?? document.body;
      const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY);
      const message: ResizeMessage = { type: RESIZE_MESSAGE_TYPE, slug, height };
      window.parent.postMessage(message, "*");
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [slug]);
  return null;
}

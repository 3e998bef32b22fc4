"use client";

import { useEffect } from "react";

// The host page cannot see inside a cross-origin iframe; the embed tells it how tall it is.
export function ReportHeight({ slug }: { slug: string }) {
  useEffect(() => {
    const report = () =>
      window.parent.postMessage({ type: "contraste:resize", slug, height: Math.ceil(document.documentElement.scrollHeight) }, "*");
    report();
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [slug]);
  return null;
}

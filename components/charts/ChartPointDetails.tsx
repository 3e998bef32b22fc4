"use client";

import { useRef, useState, type ReactNode } from "react";

export type PointDetail = { figure: string; date: string; producer: string; url: string; sourceLabel: string; hedge: string | null };

type Active = { id: string; left: number; top: number };

// The chart itself is server-rendered SVG; this small island only adds a details card with a
// clickable source link for the point under the pointer or keyboard focus.
export function ChartPointDetails({
  details,
  children,
  closeLabel,
}: {
  details: Record<string, PointDetail>;
  children: ReactNode;
  closeLabel: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);

  const show = (target: EventTarget | null) => {
    const point = (target as Element | null)?.closest?.("[data-observation]");
    const id = point?.getAttribute("data-observation");
    if (!point || !id || !details[id] || !frame.current) return;
    const box = point.getBoundingClientRect();
    const origin = frame.current.getBoundingClientRect();
    const left = Math.min(box.right - origin.left + 8, origin.width - 240);
    setActive({ id, left: Math.max(0, left), top: box.bottom - origin.top + 8 });
  };

  const detail = active ? details[active.id] : undefined;
  return (
    <div
      ref={frame}
      className="chart-interactive"
      onPointerOver={(event) => show(event.target)}
      onFocus={(event) => show(event.target)}
      onClick={(event) => show(event.target)}
      onKeyDown={(event) => event.key === "Escape" && setActive(null)}
    >
      {children}
      {detail && active ? (
        <div className="chart-tooltip" style={{ left: active.left, top: active.top }} aria-live="polite" data-testid="point-details">
          <button type="button" className="tooltip-close" onClick={() => setActive(null)} aria-label={closeLabel}>
            ×
          </button>
          <strong>{detail.figure}</strong>
          <div>{detail.date}</div>
          <div>{detail.producer}</div>
          {detail.hedge ? <div className="muted">{detail.hedge}</div> : null}
          <a href={detail.url} rel="noopener noreferrer" className="source-link">
            {detail.sourceLabel}
          </a>
        </div>
      ) : null}
    </div>
  );
}

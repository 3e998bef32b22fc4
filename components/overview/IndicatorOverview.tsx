import Link from "next/link";
import { FigureWithSource } from "@/components/indicator/FigureWithSource";
import type { IndicatorSummary } from "@/lib/indicators";
import type { LatestFigures } from "@/lib/observations";
import { THEME_LABELS, THEME_ORDER } from "@/lib/themes";

type Props = { indicators: IndicatorSummary[]; latestFigures: Map<string, LatestFigures> };

export function IndicatorOverview({ indicators, latestFigures }: Props) {
  return (
    <>
      <h1>El Salvador: official figures and independent evidence</h1>
      {THEME_ORDER.map((theme) => {
        const inTheme = indicators.filter((indicator) => indicator.theme === theme);
        if (!inTheme.length) return null;
        return (
          <section key={theme} className="theme-section" aria-labelledby={`theme-${theme}`}>
            <h2 id={`theme-${theme}`}>{THEME_LABELS[theme]}</h2>
            <ul className="indicator-list">
              {inTheme.map((indicator) => {
                const figures = latestFigures.get(indicator.slug);
                return (
                  <li key={indicator.slug} className="indicator-card" data-indicator={indicator.slug}>
                    <h3>
                      <Link href={`/indicators/${indicator.slug}`}>{indicator.nameEn}</Link>
                    </h3>
                    <p className="muted">{indicator.unit}</p>
                    <FigureWithSource label="Official" observation={figures?.official ?? null} />
                    <FigureWithSource label="Independent" observation={figures?.independent ?? null} />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PALETTE } from "./palette";

const css = readFileSync(path.join(__dirname, "../../../app/globals.css"), "utf8");

function customProperties(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe("the exported chart's palette", () => {
  it("is the page's light theme", () => {
    const light = customProperties(css.slice(css.indexOf(":root"), css.indexOf("@media (prefers-color-scheme: dark)")));
    for (const [name, value] of Object.entries(PALETTE.light)) expect(light[name], name).toBe(value);
  });

  it("is the page's dark theme", () => {
    const start = css.indexOf("@media (prefers-color-scheme: dark)");
    const dark = customProperties(css.slice(start, css.indexOf("}", css.indexOf(":root", start))));
    for (const [name, value] of Object.entries(PALETTE.dark)) expect(dark[name], name).toBe(value);
  });

  it("names every colour the chart takes from the page", () => {
    const used = new Set<string>();
    for (const file of ["../IndicatorChartSvg.tsx", "../marker-shapes.ts"]) {
      const source = readFileSync(path.join(__dirname, file), "utf8");
      for (const match of source.matchAll(/var\(--([a-z-]+)/g)) used.add(match[1]!);
    }
    for (const name of used) expect(Object.keys(PALETTE.light), name).toContain(name);
  });
});

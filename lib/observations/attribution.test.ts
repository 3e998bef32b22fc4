import { describe, expect, it } from "vitest";
import { suggestAttribution } from "./attribution";

describe("suggestAttribution", () => {
  it("names the producer and the outlet it was published through", () => {
    expect(suggestAttribution("Cristosal", "Radio YSKL")).toBe("Cristosal (Radio YSKL)");
    expect(suggestAttribution("  Policía Nacional Civil ", " La Prensa   Gráfica ")).toBe("Policía Nacional Civil (La Prensa Gráfica)");
  });

  it("never wraps a publisher that already names the producer", () => {
    expect(suggestAttribution("SJH", "SJH (comunicado)")).toBe("SJH (comunicado)");
    expect(suggestAttribution("SJH", "SJH")).toBe("SJH");
    // A publisher already nested by an earlier default is repaired rather than kept.
    expect(suggestAttribution("SJH", "SJH (SJH (comunicado))")).toBe("SJH (comunicado)");
    expect(suggestAttribution("sjh", "Comunicado de SJH")).toBe("Comunicado de SJH");
    expect(suggestAttribution("Socorro Jurídico Humanitario (SJH)", "SJH")).toBe("Socorro Jurídico Humanitario (SJH)");
  });

  it("never nests brackets, whatever the publisher holds", () => {
    expect(suggestAttribution("Cristosal", "Radio YSKL (programa matutino)")).toBe("Cristosal (Radio YSKL, programa matutino)");
    expect(suggestAttribution("UNODC", "ONU (informe (anexo))")).toBe("UNODC (ONU, informe, anexo)");
    for (const [producer, publisher] of [
      ["SJH", "SJH (SJH (comunicado))"],
      ["A", "(B)"],
      ["A", "B ((C)) D"],
      ["A", "()"],
    ] as const) {
      const suggested = suggestAttribution(producer, publisher);
      expect(suggested).not.toMatch(/\([^)]*\(/);
      expect(suggested).not.toMatch(/\(\s*\)/);
    }
  });

  it("falls back to whichever of the two is given", () => {
    expect(suggestAttribution("Cristosal", null)).toBe("Cristosal");
    expect(suggestAttribution("Cristosal", "  ")).toBe("Cristosal");
    expect(suggestAttribution("", "El Faro")).toBe("El Faro");
  });
});

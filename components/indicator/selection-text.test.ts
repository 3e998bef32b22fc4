import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import enSourceTrust from "@/lib/i18n/messages/en/sourceTrust.json";
import esSourceTrust from "@/lib/i18n/messages/es/sourceTrust.json";
import { describeSelection } from "./selection-text";

const MESSAGES = { en, es };
const say = (locale: "en" | "es", counts: Parameters<typeof describeSelection>[1], selection: Parameters<typeof describeSelection>[2]) =>
  describeSelection(createTranslator({ locale, messages: MESSAGES[locale], namespace: "selection" }), counts, selection, locale);

const everything = { hidden: [], from: null, to: null };

describe("describeSelection", () => {
  it("says all figures when nothing is left out", () => {
    expect(say("en", { selected: 23, total: 23, types: ["government", "media"] }, everything)).toBe("All 23 figures");
    expect(say("es", { selected: 23, total: 23, types: ["government", "media"] }, everything)).toBe("Las 23 cifras");
    expect(say("en", { selected: 1, total: 1, types: ["government"] }, everything)).toBe("The only figure");
    expect(say("es", { selected: 1, total: 1, types: ["government"] }, everything)).toBe("La única cifra");
  });

  it("names the producer types shown and the years", () => {
    const selection = { hidden: ["government" as const, "media" as const], from: 2019, to: 2024 };
    const counts = { selected: 12, total: 23, types: ["academic" as const, "ngo" as const] };
    expect(say("en", counts, selection)).toBe("12 of 23 figures: Academic and NGO, 2019–2024");
    expect(say("es", counts, selection)).toBe("12 de 23 cifras: Academia y ONG, 2019–2024");
  });

  it("says an open-ended range and a single year", () => {
    const counts = { selected: 5, total: 2345, types: ["government" as const] };
    expect(say("en", counts, { hidden: [], from: 2022, to: null })).toBe("5 of 2,345 figures: from 2022 on");
    expect(say("es", counts, { hidden: [], from: null, to: 2021 })).toBe("5 de 2345 cifras: hasta 2021");
    expect(say("en", counts, { hidden: [], from: 2024, to: 2024 })).toBe("5 of 2,345 figures: 2024");
  });

  it("lists three types and says when every type is hidden", () => {
    const types = ["government" as const, "academic" as const, "ngo" as const];
    expect(say("en", { selected: 9, total: 10, types }, { hidden: ["media"], from: null, to: null })).toBe(
      "9 of 10 figures: Government, Academic and NGO",
    );
    expect(say("es", { selected: 9, total: 10, types }, { hidden: ["media"], from: null, to: null })).toBe(
      "9 de 10 cifras: Gobierno, Academia y ONG",
    );
    expect(say("es", { selected: 0, total: 10, types: [] }, { hidden: ["government", "media"], from: null, to: null })).toBe(
      "0 de 10 cifras: ningún tipo de fuente a la vista",
    );
  });

  it("says when only primary and press sources are kept", () => {
    const counts = { selected: 30, total: 40, types: ["government" as const, "media" as const] };
    const firstHand = { hidden: [], from: 2020, to: null, sources: "firsthand" as const };
    const describe = (locale: "en" | "es") =>
      describeSelection(
        createTranslator({ locale, messages: MESSAGES[locale], namespace: "selection" }),
        counts,
        firstHand,
        locale,
        (locale === "en" ? enSourceTrust : esSourceTrust).filter.selectionPart,
      );
    expect(describe("en")).toBe("30 of 40 figures: from 2020 on, primary and press sources only");
    expect(describe("es")).toBe("30 de 40 cifras: desde 2020, solo fuentes primarias y de prensa");
  });
});

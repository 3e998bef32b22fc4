import { describe, expect, it } from "vitest";
import { parseDomain } from "./domain-table-input";
import { domainOf } from "./source-domains";

describe("a domain typed into the domain table", () => {
  it("is stored as the host a source's address is matched by", () => {
    expect(parseDomain("elfaro.net")).toBe("elfaro.net");
    expect(parseDomain("  WWW.ElFaro.net. ")).toBe("elfaro.net");
    expect(parseDomain("https://www.elfaro.net/el-salvador/nota?x=1")).toBe("elfaro.net");
    expect(parseDomain("transparencia.gob.sv")).toBe("transparencia.gob.sv");
    // Non-ASCII names as browsers resolve them, so a source on that site matches.
    expect(parseDomain("ñandú.sv")).toBe(domainOf("https://ñandú.sv/"));
    expect(parseDomain("ñandú.sv")).toMatch(/^xn--/);
  });

  it("is refused when it names no host", () => {
    for (const text of [
      "",
      "elfaro",
      "el faro.net",
      "elfaro.net/notas",
      "elfaro.net:8080",
      "10.0.0.1",
      "-bad.net",
      "a..b",
      "https://",
      "user@elfaro.net",
    ]) {
      expect(parseDomain(text), text).toBeNull();
    }
  });
});

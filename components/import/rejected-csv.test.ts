import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { rejectedRowsCsv } from "./rejected-csv";

describe("the rejected rows' CSV", () => {
  const file = {
    columns: ["indicator", "value", "note"],
    rows: [
      ["homicide_rate", "10,4", "fine"],
      ["homicide_rate", "ten", 'said "ten"; roughly'],
      ["nope", "5"],
    ],
    delimiter: ";",
  };
  const labels = { row: "fila", reason: "motivo", reasonText: (reason: { message: string }) => reason.message };

  it("gives each rejected row's own cells, its row number and every reason, in the file's delimiter", () => {
    const csv = rejectedRowsCsv(
      file,
      [
        { row: 3, reasons: [{ column: "value", message: "Not a number." }] },
        {
          row: 4,
          reasons: [
            { column: "indicator", message: "Unknown indicator." },
            { column: "note", message: "Required." },
          ],
        },
      ],
      labels,
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parse(csv, { bom: true, delimiter: ";" })).toEqual([
      ["indicator", "value", "note", "fila", "motivo"],
      ["homicide_rate", "ten", 'said "ten"; roughly', "3", "value: Not a number."],
      ["nope", "5", "", "4", "indicator: Unknown indicator. | note: Required."],
    ]);
  });
});

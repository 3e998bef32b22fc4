import { describe, expect, it } from "vitest";
import { guessMapping, guessRowFilters, ZImportRequest, type ImportReading } from "./fields";
import { parseCsv, validateRows } from "./validate-rows";

const INDICATORS = new Set(["homicide_rate", "soe_arrests_cumulative"]);

function read(text: string, reading: Omit<ImportReading, "mapping"> & { mapping?: ImportReading["mapping"] }) {
  const { columns, records } = parseCsv(text, reading.options?.delimiter);
  return validateRows(columns, records, { mapping: guessMapping(columns), ...reading }, INDICATORS);
}

const SPANISH = {
  delimiter: ";",
  numberFormat: "decimal_comma",
  dateFormat: "dmy",
} as const;

describe("a Spanish spreadsheet: semicolons, decimal commas, DD/MM/YYYY", () => {
  const file = [
    "indicator;value;asOf;producer;producerType;sourceUrl;publisher",
    "homicide_rate;10,4;15/03/2025;Fundación Cristosal;ngo;https://example.org/a;Cristosal",
    "soe_arrests_cumulative;85.000;01/03/2025;Socorro Jurídico Humanitario;ngo;https://example.org/b;SJH",
    "homicide_rate;1.234,5;31/02/2025;Fundación Cristosal;ngo;https://example.org/a;Cristosal",
    "homicide_rate;10.4;2024;Fundación Cristosal;ngo;https://example.org/a;Cristosal",
  ].join("\r\n");

  it("reads values exactly and dates as days, with the precision the date's shape gives", () => {
    const { valid } = read(file, { options: SPANISH });
    expect(valid.map((row) => [row.row, row.input.value, row.input.asOf, row.input.datePrecision, row.input.producer.name])).toEqual([
      [2, "10.4", "2025-03-15", "day", "Fundación Cristosal"],
      [3, "85000", "2025-03-01", "day", "Socorro Jurídico Humanitario"],
    ]);
  });

  it("says of each bad cell what is wrong with it, by code, with the cell", () => {
    const { errors } = read(file, { options: SPANISH });
    expect(errors).toEqual([
      expect.objectContaining({ row: 4, column: "asOf", code: "date_not_real", values: { value: "31/02/2025" } }),
      expect.objectContaining({ row: 5, column: "value", code: "number_format", values: { value: "10.4", format: "decimal_comma" } }),
    ]);
  });

  it("is one column without the semicolon, and nothing reads", () => {
    const { columns } = parseCsv(file);
    expect(columns).toHaveLength(1);
  });
});

describe("fixed values", () => {
  const owid = [
    "Entity,Code,Year,Homicide rate per 100k",
    "Chile,CHL,2019,4.4",
    "El Salvador,SLV,2019,36.0",
    "El Salvador,SLV,2020,19.7",
  ].join("\n");
  const fixed = {
    indicator: "homicide_rate",
    producer: "UNODC",
    producerType: "intergovernmental",
    sourceUrl: "https://ourworldindata.org/grapher/homicide-rate-unodc",
    publisher: "Our World in Data",
  };

  it("fill every row, and rows of other countries are skipped, not errors", () => {
    const columns = parseCsv(owid).columns;
    const { valid, errors } = read(owid, { fixed, options: { onlyWhere: guessRowFilters(columns) } });
    expect(errors).toEqual([]);
    expect(valid.map((row) => [row.row, row.input.value, row.input.asOf, row.input.datePrecision])).toEqual([
      [3, "36.0", "2019-01-01", "year"],
      [4, "19.7", "2020-01-01", "year"],
    ]);
    expect(valid[0]!.input).toMatchObject({
      indicatorSlug: "homicide_rate",
      producer: { name: "UNODC", type: "intergovernmental" },
      source: { url: fixed.sourceUrl, publisher: "Our World in Data" },
    });
  });

  it("a bad fixed value is named by its field in every row's problem", () => {
    const { errors } = read(owid, {
      fixed: { ...fixed, producerType: "blog" },
      options: { onlyWhere: [{ column: "Entity", equals: "el salvador" }] },
    });
    expect(errors).toEqual([
      expect.objectContaining({ row: 3, column: "producerType", code: "not_one_of", values: { field: "producerType", value: "blog" } }),
      expect.objectContaining({ row: 4, column: "producerType", code: "not_one_of" }),
    ]);
  });

  it("a fixed precision wins over the date's shape", () => {
    const { valid } = read("value,asOf\n5,2024-03\n", { fixed: { ...fixed, datePrecision: "month" } });
    expect(valid[0]!.input).toMatchObject({ asOf: "2024-03-01", datePrecision: "month" });
  });

  it("an empty required cell and a filter column the file lacks are said by code", () => {
    const { errors } = read("value,asOf\n,2024\n", { fixed });
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: "value", code: "required", values: { field: "value" } })]);
    const missing = read("value,asOf\n1,2024\n", { fixed, options: { onlyWhere: [{ column: "Country", equals: "El Salvador" }] } });
    expect(missing.errors).toEqual([
      expect.objectContaining({ row: 1, code: "missing_column", values: { column: "Country", field: "onlyWhere" } }),
    ]);
  });
});

describe("the request", () => {
  const base = { csv: "a\n1\n", mapping: { value: "a", asOf: "a" } };
  const fixed = { indicator: "homicide_rate", producer: "P", producerType: "ngo", sourceUrl: "https://e.org", publisher: "E" };

  it("takes a required field from a column or a fixed value, not neither and not both", () => {
    expect(ZImportRequest.safeParse({ ...base, fixed }).success).toBe(true);
    const withoutProducer = Object.fromEntries(Object.entries(fixed).filter(([field]) => field !== "producer"));
    const missing = ZImportRequest.safeParse({ ...base, fixed: withoutProducer });
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["mapping.producer"]);
    const both = ZImportRequest.safeParse({ ...base, mapping: { ...base.mapping, producer: "a" }, fixed });
    expect(both.error?.issues.map((issue) => issue.path.join("."))).toEqual(["fixed.producer"]);
  });

  it("refuses a fixed value, delimiter or filter it cannot use, and bounds their lengths", () => {
    expect(ZImportRequest.safeParse({ ...base, fixed: { ...fixed, value: "10" } }).success).toBe(false);
    expect(ZImportRequest.safeParse({ ...base, fixed, options: { delimiter: "|" } }).success).toBe(false);
    expect(ZImportRequest.safeParse({ ...base, fixed: { ...fixed, producer: "x".repeat(4001) } }).success).toBe(false);
    const filters = Array.from({ length: 9 }, () => ({ column: "Entity", equals: "El Salvador" }));
    expect(ZImportRequest.safeParse({ ...base, fixed, options: { onlyWhere: filters } }).success).toBe(false);
    expect(ZImportRequest.safeParse({ ...base, fixed, options: { onlyWhere: [{ column: "x".repeat(501), equals: "" }] } }).success).toBe(
      false,
    );
  });
});

describe("guessMapping", () => {
  it("maps Our World in Data's layout: Year to the date, the series column to the value", () => {
    const mapping = guessMapping(["Entity", "Code", "Year", "Homicide rate per 100,000 population - Both sexes - All ages"]);
    expect(mapping).toMatchObject({ asOf: "Year", value: "Homicide rate per 100,000 population - Both sexes - All ages", indicator: null });
    expect(guessRowFilters(["Entity", "Code", "Year", "x"])).toEqual([{ column: "Entity", equals: "El Salvador" }]);
  });

  it("maps UNODC's layout: Year and VALUE", () => {
    const columns = [
      "Iso3_code",
      "Country",
      "Region",
      "Subregion",
      "Indicator",
      "Dimension",
      "Category",
      "Sex",
      "Age",
      "Year",
      "Unit of measurement",
      "VALUE",
      "Source",
    ];
    expect(guessMapping(columns)).toMatchObject({ asOf: "Year", value: "VALUE", indicator: "Indicator" });
    expect(guessRowFilters(columns)).toEqual([{ column: "Country", equals: "El Salvador" }]);
  });

  it("maps Spanish headers, accents aside", () => {
    expect(guessMapping(["Indicador", "Valor", "Fecha", "Productor", "Año"])).toMatchObject({
      indicator: "Indicador",
      value: "Valor",
      asOf: "Fecha",
      producer: "Productor",
    });
  });
});

describe("a stated precision finer than the date", () => {
  const file = [
    "indicator,value,asOf,datePrecision,producer,producerType,sourceUrl,publisher",
    "homicide_rate,7.8,2023,month,Synthetic Lab,academic,https://example.org/a,Outlet",
    "homicide_rate,7.8,2023-05,day,Synthetic Lab,academic,https://example.org/a,Outlet",
    "homicide_rate,7.8,2023,year,Synthetic Lab,academic,https://example.org/a,Outlet",
    "homicide_rate,7.8,2023-05,month,Synthetic Lab,academic,https://example.org/a,Outlet",
  ].join("\n");
  const reading = { options: { delimiter: ",", numberFormat: "decimal_point", dateFormat: "iso" } } as const;

  it("is refused: a year is never stored as its January, nor a month as its first day", () => {
    const { errors, valid } = read(file, reading);
    expect(errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [2, "asOf", "date_coarser_than_precision"],
      [3, "asOf", "date_coarser_than_precision"],
    ]);
    expect(valid.map((row) => [row.row, row.input.asOf, row.input.datePrecision])).toEqual([
      [4, "2023-01-01", "year"],
      [5, "2023-05-01", "month"],
    ]);
  });
});

import { IMPORT_FIELDS } from "./fields";

/**
 * The indicator slug of the template's example row. No indicator can take it (lib/csv-import/run-import.ts
 * sets such rows aside), so a template filled in below its example imports only the rows added.
 */
export const TEMPLATE_EXAMPLE_SLUG = "example_do_not_import";

/** The import template: the columns that map themselves, and one example row that cannot be imported. */
export const IMPORT_TEMPLATE_CSV =
  `${IMPORT_FIELDS.join(",")}\r\n` +
  `${TEMPLATE_EXAMPLE_SLUG},85000,,more_than,2025-03-01,month,Security Minister,government,https://example.org/report,Example Outlet,2025-03-27,,Stated at the 36th extension,Dicho en la 36.a prórroga\r\n`;

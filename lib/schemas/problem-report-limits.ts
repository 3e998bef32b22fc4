// The report form's lengths, apart from its schema: the form's first view uses them without zod.
export const REPORT_MESSAGE_MIN = 10;
export const REPORT_MESSAGE_MAX = 2000;

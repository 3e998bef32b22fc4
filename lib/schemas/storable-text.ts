/**
 * PostgreSQL text cannot hold U+0000: no stored id contains it, and a query that sends one fails with
 * an error (a 500 on a page) instead of finding nothing. Lookups by an id from a page address check first.
 */
export const isStorableText = (text: string): boolean => !text.includes("\u0000");

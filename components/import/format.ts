// Client components get plain strings, not a translator: these fill them in.

export type Plural = { one: string; other: string };

/** Replaces each {name} with its value; numbers are written the reader's way (1,000 / 1.000). */
export function fill(template: string, values: Record<string, string | number>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** Picks the singular or plural form for `count`, then fills it. */
export function plural(forms: Plural, count: number, locale: string, values: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? forms.one : forms.other;
  return fill(form, { ...values, count }, locale);
}

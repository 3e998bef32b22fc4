import { getTranslations } from "next-intl/server";
import { PRODUCER_TYPE_LABELS } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { ENTITIES, type EntityName } from "./entities";
import type { FieldText, FormText } from "./form-text";

type Messages = { [key: string]: string | Messages };

// Field words are nested by schema path in reference.json ("producer": { "name": … }), since
// next-intl keys cannot contain dots.
function at(messages: Messages, path: string): string | Messages | undefined {
  let node: string | Messages | undefined = messages;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return node;
}
const textAt = (messages: Messages, path: string) => {
  const node = at(messages, path);
  return typeof node === "string" ? node : undefined;
};

/** Everything a reference form shows, in the page's language. `choices` are options read from the database. */
export async function referenceFormText(
  entity: EntityName,
  locale: Locale,
  choices: Record<string, Record<string, string>> = {},
): Promise<{ fieldText: FieldText; text: FormText }> {
  const [t, tEvents, tThemes, tClass] = await Promise.all([
    getTranslations({ locale, namespace: "reference" }),
    getTranslations({ locale, namespace: "events" }),
    getTranslations({ locale, namespace: "themes" }),
    getTranslations({ locale, namespace: "sourceDomains.classField" }),
  ]);
  // The source's class is worded with the domain table, where staff meet the same three classes.
  const fields = { ...(t.raw("fields") as Messages), sourceClass: { label: tClass("label"), hint: tClass("hint") } };
  const fieldErrors = t.raw("fieldErrors") as Messages;
  const optionWords: Record<string, (value: string) => string> = {
    type: (value) => PRODUCER_TYPE_LABELS[locale][value as keyof (typeof PRODUCER_TYPE_LABELS)["en"]] ?? value,
    "producer.type": (value) => PRODUCER_TYPE_LABELS[locale][value as keyof (typeof PRODUCER_TYPE_LABELS)["en"]] ?? value,
    kind: (value) => tEvents(`kinds.${value}`),
    theme: (value) => tThemes(value),
    datePrecision: (value) => t(`options.datePrecision.${value}`),
    valueKind: (value) => t(`options.valueKind.${value}`),
    sourceClass: (value) => tClass(`options.${value}`),
  };

  const fieldText: FieldText = { labels: {}, hints: {}, messages: {}, options: {} };
  for (const field of ENTITIES[entity].fields) {
    fieldText.labels[field.name] = textAt(fields, `${field.name}.label`) ?? field.name;
    const hint = textAt(fields, `${field.name}.hint`);
    if (hint) fieldText.hints[field.name] = hint;
    const message = textAt(fieldErrors, field.name);
    if (message) fieldText.messages[field.name] = message;
    const words = optionWords[field.name];
    fieldText.options[field.name] =
      choices[field.name] ?? Object.fromEntries((field.options ?? []).map((value) => [value, words ? words(value) : value]));
  }

  return { fieldText, text: t.raw("form") as FormText };
}

/** The framing form's indicator select (or the event form's, with field "indicatorSlugs"): "Homicide rate (homicide_rate)", by slug. */
export const indicatorOptions = (
  choices: { slug: string; nameEs: string; nameEn: string }[],
  locale: Locale,
  field: "indicatorSlug" | "indicatorSlugs" = "indicatorSlug",
) => ({
  [field]: Object.fromEntries(
    choices.map((choice) => [choice.slug, `${locale === "es" ? choice.nameEs : choice.nameEn} (${choice.slug})`]),
  ),
});

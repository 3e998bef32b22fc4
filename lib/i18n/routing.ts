import { defineRouting } from "next-intl/routing";

export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];

// Spanish first: the default for a reader whose browser states neither language.
export const routing = defineRouting({ locales: LOCALES, defaultLocale: "es" });

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

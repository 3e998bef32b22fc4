export const THEME_ORDER = [
  "homicides_violence",
  "state_of_exception",
  "prisons_custody",
  "deportations_cecot",
  "press_freedom_civic_space",
  "public_opinion",
] as const;

export type Theme = (typeof THEME_ORDER)[number];

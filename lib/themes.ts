export const THEME_ORDER = [
  "homicides_violence",
  "state_of_exception",
  "prisons_custody",
  "deportations_cecot",
  "press_freedom_civic_space",
  "public_opinion",
] as const;

export type Theme = (typeof THEME_ORDER)[number];

export const THEME_LABELS: Record<Theme, string> = {
  homicides_violence: "Homicides and violence",
  state_of_exception: "The state of exception",
  prisons_custody: "Prisons and custody",
  deportations_cecot: "Deportations and CECOT",
  press_freedom_civic_space: "Press freedom and civic space",
  public_opinion: "Public opinion",
};

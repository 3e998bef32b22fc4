import type importMessages from "@/lib/i18n/messages/en/import.json";

/** The strings the import screens receive as props, shaped like the "ui" part of import.json. */
export type ImportMessages = (typeof importMessages)["ui"];

// Translated words a reference form needs; built on the server (reference-form-text.ts) and passed down,
// since client components here use no next-intl hooks.

export type FieldText = {
  labels: Record<string, string>;
  hints: Record<string, string>;
  /** Translated messages by field, used instead of the schema's English ones where present. */
  messages: Record<string, string>;
  /** Option labels of each select, by field and value, in display order. */
  options: Record<string, Record<string, string>>;
};

export type FormText = {
  save: string;
  saving: string;
  create: string;
  creating: string;
  saved: string;
  optional: string;
  errorSummary: string;
  conflictTitle: string;
  conflictIntro: string;
  conflictWaiting: string;
  loadCurrent: string;
  field: string;
  current: string;
  yours: string;
  differs: string;
  empty: string;
  signIn: string;
  reasonLabel: string;
  reasonHint: string;
  propose: string;
  proposing: string;
  proposeNew: string;
  proposed: string;
  reviewLink: string;
};

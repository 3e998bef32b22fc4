import type editorMessages from "@/lib/i18n/messages/en/editor.json";

/** The "editor" namespace's shape, from the English file; server components pass slices of it to client forms. */
export type EditorMessages = typeof editorMessages;

// The reasons an import sets a readable row aside, shared by the server and the import page (no imports: the page bundles it).

/** Why a row that conflicts with stored figures is set aside instead of imported. */
export const SET_ASIDE_CODES = ["correction_pending", "corrected_earlier_in_file", "conflicts_with_draft", "several_published"] as const;
export type SetAsideCode = (typeof SET_ASIDE_CODES)[number];

/** The template's example row, left in a file. */
export const TEMPLATE_EXAMPLE_CODE = "template_example_row";

/** Every reason the import adds after reading a row (reading problems have theirs in fields.ts). */
export const RESULT_CODES = [TEMPLATE_EXAMPLE_CODE, ...SET_ASIDE_CODES] as const;
export type ResultCode = (typeof RESULT_CODES)[number];

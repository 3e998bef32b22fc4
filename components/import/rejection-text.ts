"use client";

import { useTranslations } from "next-intl";
import { RESULT_CODES, type ResultCode } from "@/lib/csv-import/result-codes";
import { useRowProblemText } from "./row-problem-text";

type Problem = { code?: string; values?: Record<string, string | number>; message: string };

const isResultCode = (code: string | undefined): code is ResultCode => (RESULT_CODES as readonly string[]).includes(code ?? "");

/**
 * Why a row is rejected, in the page's language: the reasons the import adds after reading (the
 * template's example row, conflicts set aside) from importResults.reasons, reading problems as
 * row-problem-text.ts words them.
 */
export function useRejectionText(): (problem: Problem) => string {
  const t = useTranslations("importResults.reasons");
  const readingText = useRowProblemText();
  return (problem) => (isResultCode(problem.code) ? t(problem.code, problem.values ?? {}) : readingText(problem));
}

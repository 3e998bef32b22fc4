"use client";

import { useTranslations } from "next-intl";
import { READING_PROBLEM_CODES, type ReadingProblemCode } from "@/lib/csv-import/fields";

type Problem = { code?: string; values?: Record<string, string | number>; message: string };

const isReadingCode = (code: string | undefined): code is ReadingProblemCode =>
  (READING_PROBLEM_CODES as readonly string[]).includes(code ?? "");

/**
 * A row problem in the page's language: the problems found while reading a row are worded from
 * their code (import.ui.rowProblems); any other keeps the server's message.
 */
export function useRowProblemText(): (problem: Problem) => string {
  const t = useTranslations("import.ui.rowProblems");
  return (problem) => (isReadingCode(problem.code) ? t(problem.code, problem.values ?? {}) : problem.message);
}

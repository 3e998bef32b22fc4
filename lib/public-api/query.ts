import { z } from "zod";
import { AppError } from "../errors";
import { isRealIsoDay, isStorableMoment } from "../dates";

// Query parameters are validated like any other input: a bad one gets a 400 that names it and says why.

export const ZQueryDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(isRealIsoDay, "is not a real calendar date");

export const ZQueryList = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(values, { error: (issue) => `must be one or more of ${values.join(", ")} (got "${String(issue.input)}")` }))
        .min(1, "must not be empty"),
    );

const SINCE_FORMAT = "must be an ISO-8601 date-time such as 2025-01-31T00:00:00Z";
export const ZQuerySince = z.iso
  .datetime({ offset: true, error: SINCE_FORMAT })
  .or(z.iso.date({ error: SINCE_FORMAT }))
  .refine(isStorableMoment, "must fall between the years 1 and 9999");

export const ZQueryBoolean = z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true");

export const ZQueryLimit = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(1000, "must be at most 1000");

// A route's shape is built once, when its module loads; its object schema is built on first use and kept.
const objectSchemas = new WeakMap<z.ZodRawShape, z.ZodObject>();
const objectSchemaOf = <Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape> => {
  let schema = objectSchemas.get(shape);
  if (!schema) objectSchemas.set(shape, (schema = z.object(shape)));
  return schema as z.ZodObject<Shape>;
};

export function parseQuery<Shape extends z.ZodRawShape>(
  request: Request,
  shape: Shape,
  check?: (value: z.infer<z.ZodObject<Shape>>) => string | null,
) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // Object.hasOwn, not `in`: "constructor" or "__proto__" are in every object but are no parameter.
  const unknown = Object.keys(params).filter((key) => !Object.hasOwn(shape, key));
  if (unknown.length)
    throw new AppError(400, "invalid_parameter", `Unknown parameter "${unknown[0]}". Known: ${Object.keys(shape).join(", ") || "none"}.`);
  const result = objectSchemaOf(shape).safeParse(params);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "query");
    throw new AppError(400, "invalid_parameter", `Parameter "${name}" ${issue.message}.`);
  }
  const problem = check?.(result.data);
  if (problem) throw new AppError(400, "invalid_parameter", problem);
  return result.data;
}

import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { openApiDocument } from "@/lib/public-api/openapi";

type Parameter = { name: string; in: string; description?: string; example?: string; required?: boolean };
type Operation = { operationId: string; summary: string; description?: string; parameters?: Parameter[]; security?: unknown[] };

const EXAMPLES: Record<string, string> = {
  "/api/v1/indicators": "",
  "/api/v1/indicators/{slug}": "",
  "/api/v1/indicators/{slug}/observations": "?producerType=government,academic&from=2022-01-01",
  "/api/v1/events": "?kind=renewal",
  "/api/v1/sources": "",
};

/** A translated text with its query parameters ("hide=", "includeRetracted=true") set as code: they are not words of either language. */
function withCode(text: string) {
  return text
    .split(/(?<![\p{L}\d_.])([A-Za-z][A-Za-z]*=[\w,-]*)/u)
    .map((part, index) => (index % 2 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>));
}

/** The API for people: every endpoint of the OpenAPI document, with a command to try it. */
export async function ApiDocsPage({ locale, origin }: { locale: Locale; origin: string }) {
  const t = await getTranslations({ locale, namespace: "apiDocs" });
  const paths = Object.entries(openApiDocument.paths) as [string, Record<string, Operation>][];
  return (
    <article className="api-docs">
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("openapi")}</a> {t("openapiLanguage")}
      </p>
      <ul>
        <li>{t("caching")}</li>
        <li>{t("errors")}</li>
        <li>{t("numbers")}</li>
        <li>{t("paging")}</li>
      </ul>
      {paths.map(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => {
          const example = `${path.replace("{slug}", "homicide_rate")}${EXAMPLES[path] ?? ""}`;
          // The page speaks the reader's language; the OpenAPI document's own English shows (marked) only where a text has no translation yet.
          const text = (key: string, english: string | undefined) => {
            const path = `operations.${operation.operationId}.${key}`;
            if (t.has(path)) return withCode(t(path));
            return english ? <span lang="en">{english}</span> : "";
          };
          return (
            <section key={`${method} ${path}`} aria-labelledby={`${method}-${path}`}>
              <h2 id={`${method}-${path}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              <p>{text("summary", operation.summary)}</p>
              {operation.description ? <p className="muted">{text("description", operation.description)}</p> : null}
              {operation.parameters?.length ? (
                <div className="table-scroll">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("parameter")}</th>
                        <th scope="col">{t("where")}</th>
                        <th scope="col">{t("meaning")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {operation.parameters.map((parameter) => (
                        <tr key={parameter.name}>
                          <td>
                            <code>{parameter.name}</code>
                          </td>
                          <td>{t.has(`in.${parameter.in}`) ? t(`in.${parameter.in}`) : parameter.in}</td>
                          <td>{text(`parameters.${parameter.name}`, parameter.description)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              <p className="muted">{t(method === "get" ? "tryGet" : "tryPost")}</p>
              <pre className="code-example" lang="zxx" translate="no">
                <code>
                  {method === "get"
                    ? `curl '${origin}${example}'`
                    : `curl -X POST '${origin}${path}' \\\n  -H 'Authorization: Bearer ctk_…' -H 'Content-Type: application/json' \\\n  -d '{"indicatorSlug":"homicide_rate","value":"2.1","asOf":"2024-01-01","datePrecision":"year","producer":{"name":"Ministry of Security","type":"government"},"source":{"url":"https://example.org/report","publisher":"Example"}}'`}
                </code>
              </pre>
            </section>
          );
        }),
      )}
    </article>
  );
}

import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument } from "../lib/public-api/openapi";

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: openApiDocument.components }, "openapi");

/** Validates a JSON body against the schema the OpenAPI document gives for this path, method and status. */
export function validateAgainstOpenApi(path: keyof typeof openApiDocument.paths, method: string, status: number, body: unknown): string[] {
  const operation = (openApiDocument.paths[path] as Record<string, Operation>)[method];
  const response = operation?.responses[String(status)];
  if (!response) return [`the document lists no ${status} response for ${method.toUpperCase()} ${path}`];
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return body === undefined ? [] : [`no JSON schema for ${status}`];
  const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
  const validate = ajv.compile(rewritten);
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

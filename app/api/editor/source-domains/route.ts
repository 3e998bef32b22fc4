import { handleMutation } from "@/lib/api/mutation";
import { createSourceDomain } from "@/lib/sources/domain-table";
import { ZSourceDomainInput } from "@/lib/sources/domain-table-input";

// A domain, its class and a note are a few hundred bytes.
const BODY_LIMIT_BYTES = 4 * 1024;

// POST /api/editor/source-domains – an admin adds a domain to the table that proposes new sources' class
export function POST(request: Request) {
  return handleMutation(request, {
    schema: ZSourceDomainInput,
    status: 201,
    maxBodyBytes: BODY_LIMIT_BYTES,
    run: (input, actor) => createSourceDomain(actor, input),
  });
}

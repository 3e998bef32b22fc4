import { z } from "zod";
import { handleMutation } from "@/lib/api/mutation";
import { deleteSourceDomain, updateSourceDomain } from "@/lib/sources/domain-table";
import { ZSourceDomainChange } from "@/lib/sources/domain-table-input";

type Context = { params: Promise<{ domain: string }> };

// A class and a note are a few hundred bytes; a removal sends nothing.
const BODY_LIMIT_BYTES = 4 * 1024;

// PATCH /api/editor/source-domains/[domain] – an admin changes a domain's class or note (existing sources keep theirs)
export async function PATCH(request: Request, { params }: Context) {
  const { domain } = await params;
  return handleMutation(request, {
    schema: ZSourceDomainChange,
    maxBodyBytes: BODY_LIMIT_BYTES,
    run: (change, actor) => updateSourceDomain(actor, domain, change),
  });
}

// DELETE /api/editor/source-domains/[domain] – an admin removes a domain from the table
export async function DELETE(request: Request, { params }: Context) {
  const { domain } = await params;
  return handleMutation(request, {
    schema: z.object({}),
    maxBodyBytes: BODY_LIMIT_BYTES,
    run: (_input, actor) => deleteSourceDomain(actor, domain),
  });
}

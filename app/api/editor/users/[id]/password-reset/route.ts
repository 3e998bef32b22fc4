import { handleMutation } from "@/lib/api/mutation";
import { ZPasswordResetRequest } from "@/lib/schemas/user";
import { requestOrigin } from "@/lib/site-origin";
import { issuePasswordReset, passwordResetPath } from "@/lib/users/password-resets";

type Context = { params: Promise<{ id: string }> };

// POST /api/editor/users/[id]/password-reset – an admin gets a one-time link (answered once, never
// stored in the clear) to pass on to the user; earlier unused links of that user stop working
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, {
    schema: ZPasswordResetRequest,
    status: 201,
    run: async ({ locale }, actor) => {
      const { token, expiresAt } = await issuePasswordReset(actor, id);
      const path = passwordResetPath(locale, token);
      return { url: `${requestOrigin(request.headers) ?? ""}${path}`, path, expiresAt };
    },
  });
}

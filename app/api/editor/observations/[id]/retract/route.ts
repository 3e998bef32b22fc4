import { handleMutation } from "@/lib/api/mutation";
import { retractObservation } from "@/lib/observations/mutations";
import { ZRetractObservation } from "@/lib/schemas/observation";

type Context = { params: Promise<{ id: string }> };

// POST /api/editor/observations/[id]/retract – take a published figure off the charts, with a reason
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, {
    schema: ZRetractObservation,
    run: ({ version, reason }, actor) => retractObservation(actor, id, version, reason),
  });
}

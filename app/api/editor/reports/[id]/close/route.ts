import { handleMutation } from "@/lib/api/mutation";
import { closeProblemReport } from "@/lib/reports/close-report";
import { ZCloseProblemReport } from "@/lib/schemas/problem-report";

type Context = { params: Promise<{ id: string }> };

// POST /api/editor/reports/[id]/close – staff close a reader's report with a note; a closed one is a 409
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  return handleMutation(request, { schema: ZCloseProblemReport, run: (input, actor) => closeProblemReport(actor, id, input) });
}

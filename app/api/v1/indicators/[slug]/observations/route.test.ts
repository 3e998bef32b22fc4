import { beforeEach, describe, expect, it, vi } from "vitest";
import { PRODUCER_TYPES } from "@/lib/schemas/enums";

// A bad query is answered with a 400 that names the parameter, before any figure is read.
const reads = vi.hoisted(() => ({ list: vi.fn(), stream: vi.fn() }));
vi.mock("@/lib/public-api/observations", async (original) => ({
  ...(await original<typeof import("@/lib/public-api/observations")>()),
  listApiObservations: reads.list,
  streamApiObservations: reads.stream,
}));

const { GET } = await import("./route");

async function get(query: string) {
  const response = await GET(new Request(`http://localhost/api/v1/indicators/homicide_rate/observations${query}`), {
    params: Promise.resolve({ slug: "homicide_rate" }),
  });
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe("GET /api/v1/indicators/{slug}/observations with a selection", () => {
  beforeEach(() => {
    reads.list.mockReset();
    reads.stream.mockReset();
  });

  it.each([
    ["?all=true&hide=spies", `Parameter "hide" must be one or more of ${PRODUCER_TYPES.join(", ")} (got "spies").`],
    ["?all=true&hide=", 'Parameter "hide" must not be empty.'],
    ["?all=true&hide=government,", null],
    ["?all=true&from=2019", 'Parameter "from" must be a date as YYYY-MM-DD.'],
    ["?all=true&to=2024-02-30", 'Parameter "to" is not a real calendar date.'],
    ["?all=true&from=2024-01-01&to=2019-12-31", 'Parameter "from" (2024-01-01) is after "to" (2019-12-31).'],
    ["?all=true&years=2019-2024", 'Unknown parameter "years".'],
  ])("%s", async (query, message) => {
    const { status, body } = await get(query);
    if (message === null) {
      // A trailing comma is forgiven: the list is what is between the commas.
      expect(reads.stream).toHaveBeenCalledOnce();
      return;
    }
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message.startsWith(message)).toBe(true);
    expect(reads.list).not.toHaveBeenCalled();
    expect(reads.stream).not.toHaveBeenCalled();
  });

  it("reads the figures of the types not hidden, within the days given", async () => {
    reads.stream.mockResolvedValue(null);
    const { status } = await get("?all=true&format=csv&hide=media,government&from=2019-01-01&to=2024-12-31");
    expect(status).toBe(404);
    const filter = reads.stream.mock.calls[0]![0];
    expect({ ...filter, producerTypes: [...filter.producerTypes].sort() }).toEqual({
      slug: "homicide_rate",
      from: "2019-01-01",
      to: "2024-12-31",
      producerTypes: ["academic", "intergovernmental", "ngo"],
      includeRetracted: false,
    });
  });

  it("keeps of producerType the types hide does not name", async () => {
    reads.list.mockResolvedValue(null);
    await get("?producerType=government,ngo&hide=government");
    expect(reads.list).toHaveBeenCalledWith(expect.objectContaining({ producerTypes: ["ngo"] }));
  });
});

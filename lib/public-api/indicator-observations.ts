import { notFound } from "../errors";
import { handlePublicGet } from "./handler";
import { observationsCsv, observationsCsvHeader, observationsCsvRows } from "./observations-csv";
import { stringifyWithExactNumbers } from "./json";
import { decodeCursor, listApiObservations, streamApiObservations, type ObservationFilter, type ObservationStream } from "./observations";
import { indicatorObservationsParameters } from "./parameters";
import { parseQuery } from "./query";
import { publicResponse, publicStream } from "./respond";
import { FIRST_HAND_SOURCE_CLASSES, PRODUCER_TYPES, type ProducerType } from "../schemas/enums";

// Built once: a query schema costs more to build than to check a request with.
const PARAMETERS = indicatorObservationsParameters(decodeCursor);

/**
 * GET /api/v1/indicators/{slug}/observations – the figures of one indicator, JSON or CSV. Answered by
 * the route module and, in production, by server/web-server.ts before Next.js (the hottest uncached read).
 */
export function answerIndicatorObservations(request: Request, slug: string): Promise<Response> {
  return handlePublicGet(async () => {
    const query = parseQuery(request, PARAMETERS, ({ from, to, all, cursor, limit }) =>
      from && to && from > to
        ? `Parameter "from" (${from}) is after "to" (${to}).`
        : all && (cursor !== undefined || limit !== undefined)
          ? `Parameter "all" gives every figure at once; leave out "cursor" and "limit".`
          : null,
    );
    const filter: ObservationFilter = {
      slug,
      from: query.from,
      to: query.to,
      producerTypes: keptProducerTypes(query.producerType, query.hide),
      sourceClasses: query.sources === "firsthand" ? FIRST_HAND_SOURCE_CLASSES : undefined,
      includeRetracted: query.includeRetracted ?? false,
    };
    if (query.all) {
      const stream = await streamApiObservations(filter);
      if (!stream) throw notFound(`Indicator "${slug}"`);
      return query.format === "csv"
        ? publicStream(csvPieces(stream), "text/csv; charset=utf-8", { "content-disposition": `attachment; filename="${slug}.csv"` })
        : publicStream(jsonPieces(slug, stream), "application/json; charset=utf-8");
    }
    const result = await listApiObservations({ ...filter, cursor: query.cursor, limit: query.limit ?? 500 });
    if (!result) throw notFound(`Indicator "${slug}"`);
    const next = new URL(request.url);
    if (result.nextCursor) next.searchParams.set("cursor", result.nextCursor);
    const link = result.nextCursor ? { link: `<${next.pathname}${next.search}>; rel="next"` } : undefined;
    if (query.format === "csv") {
      return publicResponse(request, observationsCsv(result.indicator.nameEn, result.observations), "text/csv; charset=utf-8", {
        "content-disposition": `attachment; filename="${slug}.csv"`,
        ...link,
      });
    }
    const body = stringifyWithExactNumbers({
      data: result.observations,
      meta: {
        indicator: slug,
        count: result.observations.length,
        nextCursor: result.nextCursor,
        retrievedAt: new Date().toISOString().slice(0, 10),
      },
    });
    return publicResponse(request, body, "application/json; charset=utf-8", link);
  });
}

// producerType keeps the types it names, hide leaves its types out; together, the first less the second.
function keptProducerTypes(named: ProducerType[] | undefined, hidden: ProducerType[] | undefined): ProducerType[] | undefined {
  if (!hidden) return named;
  return (named ?? PRODUCER_TYPES).filter((type) => !hidden.includes(type));
}

async function* csvPieces(stream: ObservationStream) {
  const accessed = new Date().toISOString().slice(0, 10);
  yield observationsCsvHeader();
  for await (const page of stream.pages()) yield observationsCsvRows(stream.indicator.nameEn, page, accessed);
}

// The same document as a single page's answer, written as it goes: the count is known at the end.
async function* jsonPieces(slug: string, stream: ObservationStream) {
  const retrievedAt = new Date().toISOString().slice(0, 10);
  let count = 0;
  yield '{"data":[';
  for await (const page of stream.pages()) {
    yield (count ? "," : "") + page.map((observation) => stringifyWithExactNumbers(observation)).join(",");
    count += page.length;
  }
  yield `],"meta":${JSON.stringify({ indicator: slug, count, nextCursor: null, retrievedAt })}}`;
}

import { ZPointDetails, type PointDetail } from "./point-details-schema";

// Loaded with the first point a reader opens, with zod: neither is part of the page's first view.
export async function loadPointDetails(url: string): Promise<Record<string, PointDetail>> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const payload: unknown = await response.json().catch(() => null);
  const details = ZPointDetails.safeParse((payload as { data?: unknown } | null)?.data);
  if (!response.ok || !details.success) throw new Error(`${response.status} ${response.statusText}`);
  return details.data;
}

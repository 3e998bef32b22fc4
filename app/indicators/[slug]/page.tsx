import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IndicatorPage } from "@/components/indicator/IndicatorPage";
import { getIndicatorBySlug } from "@/lib/indicators";
import { listPublishedObservations } from "@/lib/observations";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const indicator = await getIndicatorBySlug((await params).slug);
  return { title: indicator?.nameEn ?? "Indicator not found" };
}

export default async function Page({ params }: Params) {
  const indicator = await getIndicatorBySlug((await params).slug);
  if (!indicator) notFound();
  const observations = await listPublishedObservations(indicator.id);
  return <IndicatorPage indicator={indicator} observations={observations} />;
}

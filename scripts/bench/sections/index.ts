import type { BenchSection } from "../context";
import { apiVsBareSection } from "./api-vs-bare";
import { cachedPageSection } from "./cached-page";
import { embeddedVsPostgresSection } from "./embedded-vs-postgres";

// Run in the order (a–f); each section starts and stops what it measures.
export const sections: BenchSection[] = [cachedPageSection, apiVsBareSection, embeddedVsPostgresSection];

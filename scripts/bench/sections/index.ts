import type { BenchSection } from "../context";
import { apiVsBareSection } from "./api-vs-bare";
import { cachedPageSection } from "./cached-page";
import { embeddedVsPostgresSection } from "./embedded-vs-postgres";
import { figureListSection } from "./figure-list";
import { growthSection } from "./growth";
import { importVsCopy } from "./import-vs-copy";
import { lighthouseSection } from "./lighthouse";
import { pageBytesSection } from "./page-bytes";
import { reviewQueueSection } from "./review-queue";

// Run in the issues' order (a–f, then g for the review queue, h for the figure list and i for page weight); each section starts and stops what it measures.
export const sections: BenchSection[] = [
  cachedPageSection,
  apiVsBareSection,
  lighthouseSection,
  growthSection,
  importVsCopy,
  embeddedVsPostgresSection,
  reviewQueueSection,
  figureListSection,
  pageBytesSection,
];

import type { BenchSection } from "../context";

// Run in the order (a–f); each section starts and stops what it measures.
export const sections: BenchSection[] = [];

import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../db/client";
import { parseDataset } from "./parse-dataset";
import { seedDatabase, type SeedReport } from "./seed-database";
import { toSeedRecords } from "./to-records";

export const DATASET_PATH = path.resolve("prisma/data/el-salvador-indicators.json");
export const CURATION_PATH = path.resolve("prisma/data/el-salvador-curation.json");

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

/** Validates the dataset file and its curation, then loads them; a bad record stops it before any write. */
export async function seedFromFiles(
  db: Database,
  files: { dataset: string; curation: string } = { dataset: DATASET_PATH, curation: CURATION_PATH },
): Promise<SeedReport> {
  const { dataset, curation } = parseDataset(await readJson(files.dataset), await readJson(files.curation));
  return seedDatabase(db, toSeedRecords(dataset, curation));
}

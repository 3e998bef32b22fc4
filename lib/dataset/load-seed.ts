import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../db/client";
import { parseDataset } from "./parse-dataset";
import { seedDatabase, type SeedOutcome } from "./seed-database";
import { indexAudit, parseSourceAudit } from "./source-audit";
import { parseSourceDomains } from "./source-domains-file";
import { toSeedRecords } from "./to-records";

export const DATASET_PATH = path.resolve("prisma/data/el-salvador-indicators.json");
export const CURATION_PATH = path.resolve("prisma/data/el-salvador-curation.json");
export const SOURCE_DOMAINS_PATH = path.resolve("prisma/data/el-salvador-source-domains.tsv");
// The audit that explains the current file's changes from the version before it.
export const SOURCE_AUDIT_PATH = path.resolve("prisma/data/el-salvador-source-audit-2026-12.json");

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

export type SeedFiles = {
  dataset: string;
  curation: string;
  /** Absent: prisma/data's; null: none. */
  domains?: string | null;
  audit?: string | null;
};

/**
 * Validates the dataset file, its curation, the domain table and the source audit, then loads them
 * (lib/dataset/seed-database.ts); a bad record stops it before any write.
 */
export async function seedFromFiles(
  db: Database,
  files: SeedFiles = { dataset: DATASET_PATH, curation: CURATION_PATH },
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<SeedOutcome> {
  const { dataset, curation } = parseDataset(await readJson(files.dataset), await readJson(files.curation));
  const domainsFile = files.domains === undefined ? SOURCE_DOMAINS_PATH : files.domains;
  const auditFile = files.audit === undefined ? SOURCE_AUDIT_PATH : files.audit;
  const domains = domainsFile ? parseSourceDomains(await readFile(domainsFile, "utf8")) : [];
  const audit = auditFile ? parseSourceAudit(await readJson(auditFile), path.basename(auditFile)) : null;
  return seedDatabase(db, toSeedRecords(dataset, curation), {
    domains,
    audit: audit ? { audit, index: indexAudit(dataset, audit) } : undefined,
    dryRun,
  });
}

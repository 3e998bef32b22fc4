import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// A reader's network address is personal data: a report keeps only a keyed hash of it, enough to
// count one address's reports and useless to anyone who reads the table without the key.
// The key is CONTRASTE_REPORT_ADDRESS_KEY when set (several app instances must share one), else a
// random key made once and kept in the data folder (where the embedded database lives), so limits
// survive a restart.
export const ADDRESS_KEY_VARIABLE = "CONTRASTE_REPORT_ADDRESS_KEY";
const KEY_FILE = "report-address-key";

let cached: Buffer | null = null;

function keyFromDataFolder(): Buffer {
  // Read at run time only: nothing under it belongs in the build.
  const folder = path.resolve(/* turbopackIgnore: true */ process.env.CONTRASTE_DATA_DIR ?? ".data");
  const file = path.join(folder, KEY_FILE);
  try {
    return readFileSync(file);
  } catch {
    mkdirSync(folder, { recursive: true });
    try {
      // "wx": when two processes start at once, one writes the key and the other reads it.
      writeFileSync(file, randomBytes(32), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return readFileSync(file);
  }
}

function addressHashKey(): Buffer {
  const configured = process.env[ADDRESS_KEY_VARIABLE];
  if (configured) return Buffer.from(configured, "utf8");
  cached ??= keyFromDataFolder();
  return cached;
}

/** The keyed hash a report stores instead of the address it came from. */
export function addressKeyOf(address: string): string {
  return createHmac("sha256", addressHashKey()).update(address).digest("base64url");
}

import { hash, verify } from "@node-rs/argon2";

export { ZPassword } from "../schemas/password";

// @node-rs/argon2 defaults to Argon2id with OWASP's recommended cost (19 MiB, 2 passes).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throw-away hash when the account does not exist keeps the answer's timing
// the same for unknown emails and wrong passwords.
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword("decoy password for timing");
  await verifyPassword(await decoy, password);
}

import { isSerializationFailure } from "./transient-errors";

const MAX_ATTEMPTS = 4;

/**
 * Runs a transaction again when PostgreSQL rolled it back because another writer touched the same
 * rows (a shared producer or source, say). The new attempt sees the other's commit, so an edit based
 * on a stale version still ends in a 409; anything else is thrown at once.
 */
export async function retryingSerializationFailures<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!isSerializationFailure(error) || attempt >= MAX_ATTEMPTS) throw error;
      // A little random wait, growing with each attempt, so the writers that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

import { z } from "zod";

// Kept apart from lib/auth/password.ts so client forms can import it without the hashing library.
export const ZPassword = z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters.");

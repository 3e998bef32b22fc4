import { z } from "zod";
import { ZRole } from "./enums";
import { ZPassword } from "./password";
import { LOCALES } from "../i18n/routing";

export const ZEmail = z
  .email("Give a valid email address.")
  .max(320)
  .transform((email) => email.toLowerCase());

export const ZSignIn = z.object({ email: ZEmail, password: z.string().min(1, "Give your password.").max(256) });

export const ZNewUser = z.object({
  email: ZEmail,
  displayName: z.string().trim().min(1, "Give the name shown on the public change log.").max(120),
  password: ZPassword,
  role: ZRole,
});

export const ZFirstAdmin = ZNewUser.omit({ role: true });

export const ZPasswordChange = z.object({ currentPassword: z.string().min(1).max(256), newPassword: ZPassword });

export const ZNewApiToken = z.object({ name: z.string().trim().min(1, "Name the token after the script that uses it.").max(120) });

/** PATCH /api/editor/users/[id]: a new role, deactivation (active: false) or reactivation (active: true). */
export const ZUserAccessChange = z
  .object({ role: ZRole.optional(), active: z.boolean().optional() })
  .strict()
  .refine((change) => change.role !== undefined || change.active !== undefined, "Give a role or whether the user is active.");

/** POST /api/editor/users/[id]/password-reset: the language of the page the link opens. */
export const ZPasswordResetRequest = z.object({ locale: z.enum(LOCALES).default("es") }).strict();

/** POST /api/editor/password-reset: the link's token and the new password. */
export const ZPasswordReset = z.object({ token: z.string().min(1).max(200), password: ZPassword }).strict();

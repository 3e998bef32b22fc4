"use client";

import { ZPasswordChange } from "@/lib/schemas/user";
import { CredentialsForm } from "./CredentialsForm";

/** The server ends every session of the account, this one too, so the next stop is `signInPath`. */
export function PasswordForm({ signInPath }: { signInPath: string }) {
  return (
    <CredentialsForm
      schema={ZPasswordChange}
      url="/api/editor/password"
      section="account"
      next={signInPath}
      fields={[
        { name: "currentPassword", type: "password", autoComplete: "current-password" },
        { name: "newPassword", type: "password", autoComplete: "new-password", newPassword: true },
      ]}
    />
  );
}

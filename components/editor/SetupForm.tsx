"use client";

import { ZFirstAdmin } from "@/lib/schemas/user";
import { CredentialsForm } from "./CredentialsForm";

/** First run: creates the first admin, who is then signed in and taken to `dashboardPath`. */
export function SetupForm({ dashboardPath }: { dashboardPath: string }) {
  return (
    <CredentialsForm
      schema={ZFirstAdmin}
      url="/api/editor/setup"
      section="setup"
      next={dashboardPath}
      fields={[
        { name: "email", type: "email", autoComplete: "username" },
        { name: "displayName", type: "text", autoComplete: "name" },
        { name: "password", type: "password", autoComplete: "new-password", newPassword: true },
      ]}
    />
  );
}

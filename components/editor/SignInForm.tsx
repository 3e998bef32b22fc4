"use client";

import { ZSignIn } from "@/lib/schemas/user";
import { CredentialsForm } from "./CredentialsForm";

/** `redirectTo`: where to go once signed in (already checked to be an editor page). */
export function SignInForm({ redirectTo }: { redirectTo: string }) {
  return (
    <CredentialsForm
      schema={ZSignIn}
      url="/api/editor/session"
      section="signIn"
      next={redirectTo}
      fields={[
        { name: "email", type: "email", autoComplete: "username" },
        { name: "password", type: "password", autoComplete: "current-password" },
      ]}
    />
  );
}

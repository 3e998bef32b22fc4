"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { callApi } from "@/lib/client/api";

/** Ends the session on the server, then reloads on the sign-in page so nothing of it stays on screen. */
export function SignOutButton({ signInPath }: { signInPath: string }) {
  const t = useTranslations("editor.signOut");
  const signOut = useMutation({
    mutationFn: () => callApi("DELETE", "/api/editor/session", z.unknown()),
    onSettled: () => window.location.assign(signInPath),
  });
  return (
    <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {signOut.isPending ? t("pending") : t("button")}
    </button>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { callApi } from "./api";

type Props = { signInPath: string; labels: { button: string; pending: string } };

/** Ends the session on the server, then reloads on the sign-in page so nothing of it stays on screen. */
export function SignOutButton({ signInPath, labels }: Props) {
  const signOut = useMutation({
    mutationFn: () => callApi("DELETE", "/api/editor/session", z.unknown()),
    onSettled: () => window.location.assign(signInPath),
  });
  return (
    <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {signOut.isPending ? labels.pending : labels.button}
    </button>
  );
}

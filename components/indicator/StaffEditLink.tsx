"use client";

import { useSyncExternalStore } from "react";
import { hasStaffHint } from "@/lib/auth/cookies";
import styles from "./staff-edit-link.module.css";

// The cookie changes only when someone signs in or out, which reloads the page: nothing to listen to.
const subscribe = () => () => {};
const readHint = () => hasStaffHint(document.cookie);
// The server, and the cached HTML it writes for every reader, never shows the link.
const noHint = () => false;

/**
 * An "Edit" link beside a figure on a public page, shown only in a browser where someone who keeps
 * the figures signed in (lib/auth/cookies.ts, staff hint). Public pages are one cached HTML for
 * everyone, so the link is revealed here rather than rendered for one person; the editor page it
 * leads to checks the session. Without JavaScript it never shows.
 */
export function StaffEditLink({ href, label, ariaLabel }: { href: string; label: string; ariaLabel: string }) {
  const staff = useSyncExternalStore(subscribe, readHint, noHint);
  if (!staff) return null;
  return (
    <>
      {" "}
      <a href={href} className={styles.link} aria-label={ariaLabel} data-staff-edit="">
        {label}
      </a>
    </>
  );
}

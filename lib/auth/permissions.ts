import { accountableUserId, type Actor } from "./actor";
import type { Role } from "@/lib/generated/prisma/client";

// Every mutation checks one of these on the server; the UI asks the same functions what to show.

const hasRole = (actor: Actor | null, ...roles: Role[]) => actor?.kind === "user" && roles.includes(actor.user.role);

/** Editors, reviewers, admins, and scripts with an API token (which may do nothing else). */
export const canCreateObservation = (actor: Actor | null) => actor?.kind === "token" || hasRole(actor, "editor", "reviewer", "admin");

/** Edit a draft, or propose a correction to a published figure. */
export const canEditObservation = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

/** A draft and who answers for it: its author and everyone who wrote into it (see Observation.contributorIds). */
export type DraftWriters = { authorId: string | null; contributorIds: readonly string[] };

const writersOf = (draft: DraftWriters) => (draft.authorId ? [draft.authorId, ...draft.contributorIds] : draft.contributorIds);

/** This actor wrote into the draft: created, edited, imported or proposed it, or sent it with their token. */
export const hasChangedDraft = (actor: Actor | null, draft: DraftWriters) =>
  actor !== null && writersOf(draft).includes(accountableUserId(actor));

/**
 * Two-person rule: a reviewer publishes only a draft they never wrote into, whoever wrote first or
 * last, so a draft edited by two people needs a third. A draft that records no writer has no one to
 * answer for it, and no one publishes it.
 */
export const canPublishObservation = (actor: Actor | null, draft: DraftWriters) =>
  hasRole(actor, "reviewer", "admin") && writersOf(draft).length > 0 && !hasChangedDraft(actor, draft);

export const canRetractObservation = (actor: Actor | null) => hasRole(actor, "reviewer", "admin");

export const canImportObservations = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

export const canManageUsers = (actor: Actor | null) => hasRole(actor, "admin");

export const canManageApiTokens = (actor: Actor | null) => hasRole(actor, "admin");

/** The domain table that proposes a class for new sources. */
export const canManageSourceDomains = (actor: Actor | null) => hasRole(actor, "admin");

export const canReview = (actor: Actor | null) => hasRole(actor, "reviewer", "admin");

// Reference data readers see (producers, sources, indicators, framings, events) changes like a
// figure: one person proposes, another applies. A proposal is never edited, only withdrawn and
// proposed again, so its proposer is the only person who wrote it.

/** Propose an edit or a new record; nothing readers see changes until someone else applies it. */
export const canProposeReferenceChange = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

/** Two-person rule: a reviewer or admin applies a reference change only if they did not propose it. */
export const canApplyReferenceChange = (actor: Actor | null, proposal: { proposedById: string }) =>
  hasRole(actor, "reviewer", "admin") && actor?.kind === "user" && proposal.proposedById !== actor.user.id;

/** Turning a proposal down is a review decision too: the proposer withdraws instead. */
export const canRejectReferenceChange = (actor: Actor | null, proposal: { proposedById: string }) =>
  canApplyReferenceChange(actor, proposal);

export const canWithdrawReferenceChange = (actor: Actor | null, proposal: { proposedById: string }) =>
  actor?.kind === "user" && proposal.proposedById === actor.user.id;

// Reviewing a queue of drafts: sending one back and discarding one are review decisions too.

/** Send a draft back to its writers with a comment: a reviewer who did not write into it (as for publishing). */
export const canSendBackObservation = (actor: Actor | null, draft: DraftWriters) => canPublishObservation(actor, draft);

/** Discard a draft (kept with its history, never public): anyone who wrote into it, or a reviewer. */
export const canDiscardObservation = (actor: Actor | null, draft: DraftWriters) =>
  canReview(actor) || (actor?.kind === "user" && canEditObservation(actor) && hasChangedDraft(actor, draft));

/** Anyone who keeps the figures may look through all of them (drafts, retracted and discarded included). */
export const canFindFigures = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

/** Readers' problem reports hold their emails: staff read them, close them with a note (no data changes by closing). */
export const canReadProblemReports = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

export const canCloseProblemReport = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

/** The broken-links list: whoever keeps the figures fixes the sources they cite. */
export const canSeeLinkHealth = (actor: Actor | null) => hasRole(actor, "editor", "reviewer", "admin");

import type { EventLine, FigureLine, LeftAlone, UpgradePlan } from "./upgrade-plan";

// The plan as `npm run db:seed` prints it: the counts, then every figure and event it changes or
// leaves alone, with the source before and after and the reason readers will see.

const figure = (line: FigureLine) => `${line.indicator} · ${line.period} · ${line.value} · ${line.producer}`;
const event = (line: EventLine) => `event ${line.date} · ${line.title}`;
const leftAlone = <Line>(item: LeftAlone<Line>, label: (line: Line) => string) =>
  `  - ${label(item.line)}\n      would be ${item.wanted}; left alone: ${item.why}`;

export function describePlan(plan: UpgradePlan, { dryRun }: { dryRun: boolean }): string {
  const { observations, events } = plan;
  const lines: string[] = [];
  const verb = dryRun ? "would be" : "were";
  if (plan.firstLoad) {
    lines.push(
      `First load of the dataset: ${observations.added.length} figures and ${events.added.length} events ${verb} loaded as published data, with no change entries.`,
    );
    return lines.join("\n");
  }
  lines.push(
    `Figures: ${observations.corrected.length} corrected, ${observations.added.length} added, ${observations.retracted.length} retracted, ${observations.unchanged} unchanged, ${observations.leftAlone.length} left alone (edited by staff).`,
    `Events: ${events.corrected.length} corrected, ${events.added.length} added, ${events.unchanged} unchanged, ${events.leftAlone.length} left alone.`,
  );
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push("", `${title} (${items.length}):`, ...items);
  };
  section(
    `Figures ${dryRun ? "to correct" : "corrected"}`,
    observations.corrected.map(
      (item) => `  - ${figure(item.figure)}\n      source: ${item.formerSource} → ${item.figure.source}\n      reason: ${item.reason}`,
    ),
  );
  section(
    `Figures ${dryRun ? "to add" : "added"}`,
    observations.added.map((item) => `  - ${figure(item.figure)}\n      source: ${item.figure.source}\n      reason: ${item.reason}`),
  );
  section(
    `Figures ${dryRun ? "to retract" : "retracted"}`,
    observations.retracted.map((item) => `  - ${figure(item.figure)}\n      source: ${item.figure.source}\n      reason: ${item.reason}`),
  );
  section(
    "Figures left alone, edited by staff since they were seeded",
    observations.leftAlone.map((item) => leftAlone(item, figure)),
  );
  section(
    `Events ${dryRun ? "to correct" : "corrected"}`,
    events.corrected.map(
      (item) => `  - ${event(item.event)}\n      source: ${item.formerSource} → ${item.event.source}\n      reason: ${item.reason}`,
    ),
  );
  section(
    `Events ${dryRun ? "to add" : "added"}`,
    events.added.map((item) => `  - ${event(item.event)}\n      source: ${item.event.source}\n      reason: ${item.reason}`),
  );
  section(
    "Events left alone",
    events.leftAlone.map((item) => leftAlone(item, event)),
  );
  return lines.join("\n");
}

/** Nothing for readers to see changed: a second run of the same files. */
export const planChangesNothing = (plan: UpgradePlan) =>
  !plan.observations.corrected.length &&
  !plan.observations.added.length &&
  !plan.observations.retracted.length &&
  !plan.events.corrected.length &&
  !plan.events.added.length;

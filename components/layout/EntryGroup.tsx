import type { ReactNode } from "react";
import styles from "./entries.module.css";

type Props = { id: string; heading: string; ordered?: boolean; listClassName?: string; children: ReactNode };

/** A section of a public list (a year of events, a kind of producer): its heading and its entries. */
export function EntryGroup({ id, heading, ordered = false, listClassName, children }: Props) {
  const List = ordered ? "ol" : "ul";
  return (
    <section className={styles.group} aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {/* role="list" keeps list semantics in WebKit, which drops them when list-style is none. */}
      <List className={listClassName} role="list">
        {children}
      </List>
    </section>
  );
}

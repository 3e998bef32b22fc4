import styles from "./figure-details-link.module.css";

/**
 * The way from a figure to its own page (its three dates, its source's history, the problem-report
 * form). `context` (the figure and its date) is read only by screen readers, so a list of "Details"
 * links still says which figure each one opens. No hooks: server pages and the chart's island share it.
 */
export function FigureDetailsLink({ href, label, context }: { href: string; label: string; context: string }) {
  return (
    <a href={href} className={styles.link} data-figure-details="">
      {label}
      <span className="visually-hidden"> ({context})</span>
    </a>
  );
}

import styles from "./sources.module.css";

/** The pager's words in the page's language: the navigation's name, the two links and where the reader is ("Page 2 of 5"). */
export type PagerWords = { pages: string; previous: string; next: string; position: string };

type Props = { page: number; pageCount: number; href: (page: number) => string; words: PagerWords };

/** Previous and next page as plain links (no script), and where the reader is; nothing for one page. */
export function Pager({ page, pageCount, href, words }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={words.pages} className={styles.pager}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {words.previous}
        </a>
      ) : null}
      <span aria-current="page">{words.position}</span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {words.next} →
        </a>
      ) : null}
    </nav>
  );
}

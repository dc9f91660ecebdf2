/** Props of {@link Pager}. */
export interface PagerProps {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly onPage: (page: number) => void;
  /** What is paged, for screen readers: "traces", "log records". */
  readonly noun: string;
}

/** "51–100 of 312" with previous / next page buttons. */
export function Pager({ page, pageSize, total, onPage, noun }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager row" aria-label={`Pages of ${noun}`}>
      <span className="muted" aria-live="polite">
        {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} {noun}
      </span>
      <span className="spacer" />
      <button onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label={`Previous page of ${noun}`}>
        ‹ Previous
      </button>
      <span className="muted">
        page {page} of {pages}
      </span>
      <button onClick={() => onPage(page + 1)} disabled={page >= pages} aria-label={`Next page of ${noun}`}>
        Next ›
      </button>
    </nav>
  );
}

/** A 1-based page number from a URL parameter (1 when absent or invalid). */
export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

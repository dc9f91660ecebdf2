import { useEffect, useState, type RefObject } from 'react';

/** Narrowest chart column (`.chart-grid` in dashboard.css); the grid fits as many as the page allows. */
const MIN_COLUMN_PX = 520;
const GAP_PX = 12;
/** Room the y axis and the card's padding take from a column. */
const CHROME_PX = 88;
/** Resizing the window by a few pixels must not refetch every series. */
const STEP_PX = 50;

/**
 * The plotting width of one chart of a `.chart-grid`, in steps of 50 px: the number of points worth
 * fetching per series. Undefined until the grid is laid out.
 */
export function useChartWidth(grid: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = grid.current;
    if (!element) return;
    const measure = () => {
      const total = element.clientWidth;
      const columns = Math.max(1, Math.floor((total + GAP_PX) / (MIN_COLUMN_PX + GAP_PX)));
      const column = (total - GAP_PX * (columns - 1)) / columns - CHROME_PX;
      setWidth(Math.max(200, Math.round(column / STEP_PX) * STEP_PX));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [grid]);
  return width;
}

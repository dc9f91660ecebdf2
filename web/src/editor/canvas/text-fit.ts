let measuring: CanvasRenderingContext2D | null | undefined;

/** A 2D context used only to measure text, created on first use. */
function measurer(): CanvasRenderingContext2D | null {
  if (measuring === undefined) measuring = document.createElement('canvas').getContext('2d');
  return measuring;
}

/** The width of `text` in `font`, px; an estimate when no canvas is available. */
export function textWidth(text: string, font: string): number {
  const ctx = measurer();
  if (ctx === null) return text.length * 6.5;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/**
 * `text` shortened with an ellipsis to fit `maxWidth` px in `font`. Measured once when a card is
 * built rather than on every frame, which is what keeps drawing hundreds of cards cheap.
 */
export function fitText(text: string, font: string, maxWidth: number): string {
  if (textWidth(text, font) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(`${text.slice(0, mid)}…`, font) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

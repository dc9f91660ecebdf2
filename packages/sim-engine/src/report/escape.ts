/** Text made safe for HTML element content and attribute values (both quoted with `"`). */
export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A number with at most `digits` decimals, thousands grouped by a thin space; `–` when not finite. */
export function num(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = value.toFixed(Math.abs(value) >= 1000 ? 0 : digits);
  const [whole, frac] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
  return frac && Number(frac) !== 0 ? `${grouped}.${frac.replace(/0+$/, '')}` : grouped;
}

/** A fraction as a percentage. */
export function pct(value: number, digits = 2): string {
  return Number.isFinite(value) ? `${num(value * 100, digits)}%` : '–';
}

/** Rounds a coordinate for compact SVG. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

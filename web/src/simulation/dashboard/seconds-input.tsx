import { useEffect, useState } from 'react';

/**
 * A number of simulated seconds typed by hand: applied on Enter or when the field loses focus,
 * so the page does not refetch on every keystroke. Empty clears the value.
 */
export function SecondsInput({ label, value, onCommit, max }: { label: string; value: number | undefined; onCommit: (sec: number | undefined) => void; max?: number }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '') return value !== undefined && onCommit(undefined);
    const n = Number(trimmed);
    if (!Number.isFinite(n) || n < 0 || (max !== undefined && n > max)) return setText(value === undefined ? '' : String(value));
    if (n !== value) onCommit(n);
  };
  return (
    <label className="seconds-input">
      {label}
      <input
        type="number"
        inputMode="decimal"
        min={0}
        max={max}
        step="any"
        value={text}
        placeholder="–"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

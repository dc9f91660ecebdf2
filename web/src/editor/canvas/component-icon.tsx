import type { ComponentType } from '@architech/contracts';
import { ICON_GRID, ICON_PATHS, ICON_STROKE_WIDTH } from './icons';

/**
 * The glyph of a component type as an inline SVG, drawn from the same path data as the canvas
 * cards. It inherits `currentColor`, so the surrounding CSS decides its colour.
 *
 * @example <ComponentIcon type="DATABASE" size={18} />
 */
export function ComponentIcon(props: { type: ComponentType; size?: number }) {
  const size = props.size ?? 20;
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${ICON_GRID} ${ICON_GRID}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={ICON_STROKE_WIDTH}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICON_PATHS[props.type]} />
    </svg>
  );
}

import type { ComponentType } from '@architech/contracts';

/** How one component type looks: its colour (icon badge, palette) and its label on the card. */
export interface TypeStyle {
  /** Strong colour: the icon badge behind the white glyph. */
  readonly color: string;
  /** Pale tint of {@link color}: palette hover, minimap fill. */
  readonly tint: string;
  /** Upper-case label printed under the name. */
  readonly label: string;
}

/**
 * One hue per component type, spread round the colour wheel so that no two types are confused and
 * none is the red/amber/green the overlays use for errors, warnings and diffs.
 */
export const TYPE_STYLES: Readonly<Record<ComponentType, TypeStyle>> = {
  CLIENT: { color: '#7c3aed', tint: '#ede9fe', label: 'CLIENT' },
  LOAD_BALANCER: { color: '#db2777', tint: '#fce7f3', label: 'LOAD BALANCER' },
  SERVICE: { color: '#2563eb', tint: '#dbeafe', label: 'SERVICE' },
  DATABASE: { color: '#0d9488', tint: '#ccfbf1', label: 'DATABASE' },
  CACHE: { color: '#ea580c', tint: '#ffedd5', label: 'CACHE' },
  QUEUE: { color: '#65a30d', tint: '#ecfccb', label: 'QUEUE' },
};

/** Colours of the canvas itself; kept in step with the tokens of `styles.css`. */
export const CANVAS_COLORS = {
  cardFill: '#ffffff',
  cardBorder: '#c9d1dc',
  text: '#1c2330',
  muted: '#5d6878',
  connection: '#8792a2',
  accent: '#2563eb',
  accentSoft: 'rgba(37, 99, 235, 0.10)',
  hover: 'rgba(37, 99, 235, 0.45)',
  guide: '#e0368c',
  danger: '#c62828',
  warning: '#d97706',
  ok: '#1b7f3b',
  badgeFill: '#eef2f7',
  badgeBorder: '#d0d7e2',
  exportBackground: '#ffffff',
} as const;

/** Card metrics in world units (the card is `COMPONENT_SIZE`, 160 × 64). */
export const CARD = {
  radius: 8,
  iconBox: 36,
  iconInset: 12,
  textLeft: 56,
  textRight: 8,
  nameFont: '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelFont: '600 9px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  summaryFont: '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  badgeFont: '600 10px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  previewFont: '600 10px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  /** Height of the preview pill hung under the card, and its gap from the card. */
  previewHeight: 18,
  previewGap: 4,
} as const;

/** The drag grid, world units. */
export const GRID_SIZE = 20;

/**
 * Below this zoom a card's text would be under ~6 px tall: cards are drawn as coloured blocks
 * without text or glyphs, which also keeps a zoomed-out 500-component design cheap to redraw.
 */
export const TEXT_MIN_ZOOM = 0.45;

/** Pointer travel, screen px, before a press becomes a drag (a click that wobbles stays a click). */
export const DRAG_THRESHOLD_PX = 3;

/** Half the hit width of a connection, screen px (10 px wide in all). */
export const CONNECTION_HIT_PX = 5;

/** Radius of a connection handle, screen px, and how far from its centre a press still grabs it. */
export const HANDLE_RADIUS_PX = 6;
export const HANDLE_HIT_PX = 10;

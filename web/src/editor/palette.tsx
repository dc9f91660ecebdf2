import type { CSSProperties } from 'react';
import type { ComponentType } from '@architech/contracts';
import { ComponentIcon } from './canvas/component-icon';
import { startComponentDrag } from './canvas/component-drag';
import { TYPE_STYLES } from './canvas/theme';
import './palette.css';

/** A palette entry: what the type is called and what it does, in one line. */
interface PaletteItem {
  readonly type: ComponentType;
  readonly name: string;
  readonly description: string;
}

const ITEMS: readonly PaletteItem[] = [
  { type: 'CLIENT', name: 'Client', description: 'generates traffic' },
  { type: 'LOAD_BALANCER', name: 'Load balancer', description: 'spreads requests' },
  { type: 'SERVICE', name: 'Service', description: 'processes requests' },
  { type: 'DATABASE', name: 'Database', description: 'stores data' },
  { type: 'CACHE', name: 'Cache', description: 'answers hits fast' },
  { type: 'QUEUE', name: 'Queue', description: 'buffers async work' },
];

/**
 * The component palette: one item per component type. Drag an item onto the canvas to drop the
 * component there (see `component-drag.ts`), or click it / press Enter or Space on it to call
 * `onAdd` (the page adds it at the centre of the view).
 *
 * @example <Palette onAdd={(type) => addAtViewportCentre(type)} disabled={readOnly} />
 */
export function Palette(props: { onAdd: (type: ComponentType) => void; disabled?: boolean }) {
  const { onAdd, disabled = false } = props;
  return (
    <ul className="palette" aria-label="Component palette">
      {ITEMS.map((item) => (
        // A div, not a <button>: Firefox will not start an HTML5 drag from a button.
        <li key={item.type}>
          <div
            className="palette-item"
            role="button"
            tabIndex={disabled ? -1 : 0}
            aria-disabled={disabled}
            aria-label={`Add ${item.name.toLowerCase()}: ${item.description}`}
            title={disabled ? undefined : `Drag onto the canvas, or click to add a ${item.name.toLowerCase()}`}
            draggable={!disabled}
            style={{ '--type-color': TYPE_STYLES[item.type].color, '--type-tint': TYPE_STYLES[item.type].tint } as CSSProperties}
            onDragStart={(event) => {
              if (disabled) event.preventDefault();
              else startComponentDrag(event.dataTransfer, item.type);
            }}
            onClick={() => !disabled && onAdd(item.type)}
            onKeyDown={(event) => {
              if (disabled || (event.key !== 'Enter' && event.key !== ' ')) return;
              event.preventDefault();
              onAdd(item.type);
            }}
          >
            <span className="palette-item__icon">
              <ComponentIcon type={item.type} size={18} />
            </span>
            <span className="palette-item__text">
              <span className="palette-item__name">{item.name}</span>
              <span className="palette-item__description">{item.description}</span>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

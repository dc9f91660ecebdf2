import type { CSSProperties } from 'react';
import type { ComponentType, ProviderScope } from '@architech/contracts';
import { ComponentIcon } from './canvas/component-icon';
import { startComponentDrag } from './canvas/component-drag';
import { TYPE_STYLES } from './canvas/theme';
import { PROVIDER_NAMES, scopeCatalogue, shortName, type PaletteChoice } from './catalogue-palette';
import './palette.css';

/** A palette entry: what it is called, what it does in one line, and what it adds. */
interface PaletteItem {
  readonly key: string;
  readonly choice: PaletteChoice;
  readonly name: string;
  readonly description: string;
  /** The full name, as a tooltip. */
  readonly title?: string;
}

const GENERIC: readonly PaletteItem[] = (
  [
    ['CLIENT', 'Client', 'generates traffic'],
    ['LOAD_BALANCER', 'Load balancer', 'spreads requests'],
    ['SERVICE', 'Service', 'processes requests'],
    ['DATABASE', 'Database', 'stores data'],
    ['CACHE', 'Cache', 'answers hits fast'],
    ['QUEUE', 'Queue', 'buffers async work'],
  ] as const
).map(([type, name, description]) => ({ key: type, choice: { type }, name, description }));

/** The provider's catalogue entries as palette items: short name, category and default SKU. */
function catalogueItems(scope: ProviderScope | undefined): PaletteItem[] {
  return scopeCatalogue(scope).map((e) => ({ key: e.id, choice: { type: e.type, catalogueId: e.id }, name: shortName(e), description: `${e.category} · ${e.skus[0]?.id ?? ''}`, title: e.name }));
}

/**
 * The component palette: one item per generic component type, then the project's provider
 * catalogue (`provider` scope; none for `any`). Drag an item onto the canvas to drop the component
 * there (see `component-drag.ts`), or click it / press Enter or Space on it to call `onAdd` (the
 * page adds it at the centre of the view). A catalogue item adds its entry's defaults and
 * `provider` block (`catalogueComponent`).
 *
 * @example <Palette provider="aws" onAdd={(choice) => addAtViewportCentre(choice)} disabled={readOnly} />
 */
export function Palette(props: { onAdd: (choice: PaletteChoice) => void; disabled?: boolean; provider?: ProviderScope }) {
  const { onAdd, disabled = false, provider } = props;
  const catalogue = catalogueItems(provider);
  return (
    <div className="palette-sections">
      <ul className="palette" aria-label="Component palette">
        {GENERIC.map((item) => (
          <PaletteRow key={item.key} item={item} disabled={disabled} onAdd={onAdd} />
        ))}
      </ul>
      {catalogue.length > 0 && provider !== undefined && provider !== 'any' && (
        <>
          <h3 className="palette-heading">{PROVIDER_NAMES[provider]}</h3>
          <ul className="palette" aria-label={`${PROVIDER_NAMES[provider]} building blocks`}>
            {catalogue.map((item) => (
              <PaletteRow key={item.key} item={item} disabled={disabled} onAdd={onAdd} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PaletteRow({ item, disabled, onAdd }: { item: PaletteItem; disabled: boolean; onAdd: (choice: PaletteChoice) => void }) {
  const type: ComponentType = item.choice.type;
  return (
    // A div, not a <button>: Firefox will not start an HTML5 drag from a button.
    <li>
      <div
        className="palette-item"
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled}
        aria-label={`Add ${item.choice.catalogueId ? item.name : item.name.toLowerCase()}: ${item.description}`}
        title={disabled ? undefined : `${item.title ? `${item.title}. ` : ''}Drag onto the canvas, or click to add ${item.choice.catalogueId ? 'it' : `a ${item.name.toLowerCase()}`}`}
        draggable={!disabled}
        data-catalogue-id={item.choice.catalogueId}
        style={{ '--type-color': TYPE_STYLES[type].color, '--type-tint': TYPE_STYLES[type].tint } as CSSProperties}
        onDragStart={(event) => {
          if (disabled) event.preventDefault();
          else startComponentDrag(event.dataTransfer, type, item.choice.catalogueId);
        }}
        onClick={() => !disabled && onAdd(item.choice)}
        onKeyDown={(event) => {
          if (disabled || (event.key !== 'Enter' && event.key !== ' ')) return;
          event.preventDefault();
          onAdd(item.choice);
        }}
      >
        <span className="palette-item__icon">
          <ComponentIcon type={type} size={18} />
        </span>
        <span className="palette-item__text">
          <span className="palette-item__name">{item.name}</span>
          <span className="palette-item__description">{item.description}</span>
        </span>
      </div>
    </li>
  );
}

import { COMPONENT_TYPES, type ComponentType } from '@architech/contracts';

/** The `dataTransfer` type a palette item carries when dragged onto the canvas; its value is the component type. */
export const COMPONENT_DRAG_MIME = 'application/x-architech-component';

/** The `dataTransfer` type a provider catalogue item carries as well: its value is the entry id (`aws.rds-postgres`). */
export const CATALOGUE_DRAG_MIME = 'application/x-architech-catalogue';

/** Puts a component type (and a catalogue entry id) on a drag (the palette's `dragstart`), with a plain-text copy for other drop targets. */
export function startComponentDrag(dataTransfer: DataTransfer, type: ComponentType, catalogueId?: string): void {
  dataTransfer.setData(COMPONENT_DRAG_MIME, type);
  if (catalogueId !== undefined) dataTransfer.setData(CATALOGUE_DRAG_MIME, catalogueId);
  dataTransfer.setData('text/plain', type);
  dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries a component (readable during `dragover`, when the value itself is hidden). */
export function carriesComponent(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer !== null && Array.from(dataTransfer.types).includes(COMPONENT_DRAG_MIME);
}

/** The component type a drop carries; undefined for anything else, including unknown type names. */
export function droppedComponentType(dataTransfer: DataTransfer | null): ComponentType | undefined {
  const value = dataTransfer?.getData(COMPONENT_DRAG_MIME) ?? '';
  return (COMPONENT_TYPES as readonly string[]).includes(value) ? (value as ComponentType) : undefined;
}

/** The catalogue entry id a drop carries, if it came from a provider catalogue item. */
export function droppedCatalogueId(dataTransfer: DataTransfer | null): string | undefined {
  return dataTransfer?.getData(CATALOGUE_DRAG_MIME) || undefined;
}

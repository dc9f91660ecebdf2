import { COMPONENT_TYPES, type ComponentType } from '@architech/contracts';

/** The `dataTransfer` type a palette item carries when dragged onto the canvas; its value is the component type. */
export const COMPONENT_DRAG_MIME = 'application/x-architech-component';

/** Puts a component type on a drag (the palette's `dragstart`), with a plain-text copy for other drop targets. */
export function startComponentDrag(dataTransfer: DataTransfer, type: ComponentType): void {
  dataTransfer.setData(COMPONENT_DRAG_MIME, type);
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

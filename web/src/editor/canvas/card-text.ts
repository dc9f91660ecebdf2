import { COMPONENT_SIZE, type EditorComponent } from '@architech/editor-core';
import { componentSummary } from './component-summary';
import { fitText, textWidth } from './text-fit';
import { CARD, TYPE_STYLES } from './theme';

/** The texts of a card, already cut to fit, so drawing a frame measures nothing. */
export interface CardText {
  readonly name: string;
  /** The second line of a name too long for one line (the type label then gives way). */
  readonly name2?: string;
  /** The name in full, for the tooltip. */
  readonly fullName: string;
  readonly label: string;
  readonly summary: string;
}

const TEXT_WIDTH = COMPONENT_SIZE.width - CARD.textLeft - CARD.textRight;

/** The texts of a component's card, cut to the card's width. */
export function cardText(component: EditorComponent): CardText {
  const full = component.name || component.id;
  const [name, name2] = wrapName(full);
  return {
    name,
    ...(name2 !== undefined ? { name2 } : {}),
    fullName: full,
    label: TYPE_STYLES[component.type].label,
    summary: fitText(componentSummary(component), CARD.summaryFont, TEXT_WIDTH),
  };
}

/** A name on one line, or on two (broken between words where it can be), the second cut with an ellipsis. */
export function wrapName(full: string): [string] | [string, string] {
  if (textWidth(full, CARD.nameFont) <= TEXT_WIDTH) return [full];
  const words = full.split(/(\s+)/);
  let first = '';
  for (const word of words) {
    if (textWidth((first + word).trimEnd(), CARD.nameFont) > TEXT_WIDTH) break;
    first += word;
  }
  first = first.trimEnd();
  if (first === '') {
    // One long word: break it where the line is full.
    let cut = full.length;
    while (cut > 1 && textWidth(full.slice(0, cut), CARD.nameFont) > TEXT_WIDTH) cut--;
    first = full.slice(0, cut);
  }
  return [first, fitText(full.slice(first.length).trimStart(), CARD.nameFont, TEXT_WIDTH)];
}

/** A pill's text and its width in world units (the preview badge). */
export function labelOf(text: string): { text: string; width: number } {
  return { text, width: Math.ceil(textWidth(text, CARD.previewFont)) + 14 };
}

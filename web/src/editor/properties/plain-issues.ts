import { validateDesign, type ValidationIssue } from '@architech/contracts';
import { toDesign, updateProperties, sequentialIds, type EditorDocument, type EditorState } from '@architech/editor-core';

const BOUND = /expected \w+ to be (<=|<|>=|>)\s*(-?[\d.]+(?:e[+-]?\d+)?)/i;
const INTEGER = /expected int\b/i;

/** What a number field accepts, as read from the validator's own answers. */
interface Bounds {
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
  integer?: boolean;
}

function readBound(message: string, bounds: Bounds): void {
  if (INTEGER.test(message)) bounds.integer = true;
  const match = BOUND.exec(message);
  if (!match) return;
  const value = Number(match[2]);
  if (match[1]!.startsWith('>')) bounds.min = { value, inclusive: match[1] === '>=' };
  else bounds.max = { value, inclusive: match[1] === '<=' };
}

/** "between 0 and 1", "a whole number ≥ 1", "a number > 0" — or undefined when nothing is known. */
function describeBounds(bounds: Bounds): string | undefined {
  const { min, max, integer } = bounds;
  const what = integer ? 'a whole number' : 'a number';
  if (min && max) {
    if (min.inclusive && max.inclusive) return `${integer ? 'a whole number ' : ''}between ${min.value} and ${max.value}`;
    return `${what} ${min.inclusive ? '≥' : '>'} ${min.value} and ${max.inclusive ? '≤' : '<'} ${max.value}`;
  }
  if (min) return `${what} ${min.inclusive ? '≥' : '>'} ${min.value}`;
  if (max) return `${what} ${max.inclusive ? '≤' : '<'} ${max.value}`;
  return integer ? 'a whole number' : undefined;
}

/**
 * A validation message in plain words: zod's "Too small: expected number to be >=1" becomes
 * "Must be a number ≥ 1", "Invalid input: expected int, received number" "Must be a whole number";
 * other messages are returned with a capital first letter.
 */
export function plainMessage(message: string): string {
  const bounds: Bounds = {};
  readBound(message, bounds);
  const described = describeBounds(bounds);
  if (described) return `Must be ${described}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

const stateOf = (doc: EditorDocument): EditorState => ({ doc, selection: new Set(), viewport: { x: 0, y: 0, zoom: 1 } });
const env = { createId: sequentialIds() };

function applyWrite(doc: EditorDocument, id: string, path: readonly string[], values: Readonly<Record<string, unknown>>): EditorDocument | undefined {
  const outcome = updateProperties({ id, path, values }).perform(stateOf(doc), env);
  return outcome.ok ? (outcome.changes.doc ?? doc) : undefined;
}

function errorsUnder(doc: EditorDocument, prefix: string): ValidationIssue[] {
  const outcome = validateDesign(toDesign(doc));
  return outcome.ok ? [] : outcome.issues.filter((i) => i.path.startsWith(`${prefix}.properties`));
}

/**
 * Why writing `values` at `path` of element `id` (validation prefix `prefix`) would make the design
 * invalid, in plain words naming what the field accepts ("Must be between 0 and 1", "Must be a whole
 * number ≥ 1"); undefined when the write is fine. Only problems the write itself introduces count,
 * so a field can still be corrected while another one is wrong. The accepted range is found by
 * asking the validator about a very small, a very large and a fractional value at the same place.
 * Only numbers are judged; other writes (a choice, a new section) always apply.
 */
export function refusalOf(doc: EditorDocument, id: string, prefix: string, path: readonly string[], values: Readonly<Record<string, unknown>>): string | undefined {
  // Only typed numbers are judged: choosing an option or adding a section always applies (and is undoable).
  if (!Object.values(values).every((v) => typeof v === 'number')) return undefined;
  const candidate = applyWrite(doc, id, path, values);
  if (!candidate) return undefined;
  const before = new Set(errorsUnder(doc, prefix).map((i) => `${i.path}\u0000${i.message}`));
  const introduced = errorsUnder(candidate, prefix).filter((i) => !before.has(`${i.path}\u0000${i.message}`));
  const first = introduced[0];
  if (!first) return undefined;
  const entries = Object.entries(values);
  if (entries.length !== 1 || !/^(too_small|too_big|invalid_type)$/.test(first.code)) return plainMessage(first.message);
  const key = entries[0]![0];
  const at = `${prefix}.properties.${[...path, key].join('.')}`.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  const bounds: Bounds = {};
  for (const probe of [-1e15, 1e15, 0.5]) {
    const probed = applyWrite(doc, id, path, { [key]: probe });
    if (!probed) continue;
    for (const issue of errorsUnder(probed, prefix)) if (issue.path === at) readBound(issue.message, bounds);
  }
  const described = describeBounds(bounds);
  return described ? `Must be ${described}` : plainMessage(first.message);
}

/** The name a person gave a component or connection ("PostgreSQL primary", "Web tier → App tier"), or its id. */
export function elementName(doc: EditorDocument, id: string): string {
  const component = doc.components.find((c) => c.id === id);
  if (component) return component.name || component.id;
  const connection = doc.connections.find((c) => c.id === id);
  if (connection) return `${elementName(doc, connection.source)} → ${elementName(doc, connection.target)}`;
  return id;
}

const ELEMENT = /^(components|connections)\[(\d+)\](?:\.properties)?\.?(.*)$/;

/**
 * An issue as the problems list shows it: where (the element's name and the field, not
 * `components[4].properties.hitRatio`) and what, in plain words, with ids in the message replaced by
 * names.
 */
export function describeIssue(doc: EditorDocument, issue: ValidationIssue): { where: string; message: string } {
  let message = plainMessage(issue.message);
  for (const c of doc.components) if (c.name) message = message.split(`'${c.id}'`).join(`“${c.name}”`);
  const match = ELEMENT.exec(issue.path);
  if (!match) return { where: issue.path || 'Design', message };
  const element = (match[1] === 'components' ? doc.components : doc.connections)[Number(match[2])];
  const name = element ? elementName(doc, element.id) : issue.path;
  const field = match[3] ? match[3].replace(/\[(\d+)\]/g, ' $1').replace(/\./g, ' ') : '';
  return { where: field ? `${name} · ${field}` : name, message };
}

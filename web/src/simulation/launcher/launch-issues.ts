import { plainMessage } from '../../editor/properties/plain-issues';
import type { DraftFault, FaultTarget } from './fault-model';

/*
 * The launcher's problems in its own words: where a validation issue is ("Fault 2 (error on
 * PostgreSQL primary (db)) · rate") and what it says, with the settings named as the form labels them.
 */

/** "Fault 2 (error on PostgreSQL primary (db)) · rate", "Duration" — where the problem at `path` is, in words. */
export function placeOf(path: string, faults: readonly DraftFault[], targets: readonly FaultTarget[]): string {
  const fault = /^faults\[(\d+)\]\.?(.*)$/.exec(path);
  if (fault) {
    const f = faults[Number(fault[1])];
    const where = f ? `Fault ${Number(fault[1]) + 1} (${f.type.replace('_', ' ')} on ${targets.find((t) => t.id === f.target)?.label ?? f.target})` : `Fault ${Number(fault[1]) + 1}`;
    return fault[2] ? `${where} · ${FIELD_NAMES[fault[2]] ?? fault[2]}` : where;
  }
  return FIELD_NAMES[path] ?? path;
}

/** The names of the settings in the validator's messages, as the launcher labels them. */
const NAMES_IN_MESSAGES: readonly [RegExp, string][] = [
  [/\bwarmupSec\b/g, 'the warm-up'],
  [/\bdurationSec\b/g, 'the duration'],
  [/\breplications\b/g, 'the replications'],
  [/\bsampleRate\b/g, 'the trace sample rate'],
  [/\brateMultiplier\b/g, 'the load multiplier'],
];

/** A validation message in the launcher's words: "The warm-up must be shorter than the duration". */
export function inWords(message: string): string {
  let text = message;
  for (const [pattern, name] of NAMES_IN_MESSAGES) text = text.replace(pattern, name);
  return plainMessage(text);
}

/** The launcher's fields by the path the validator gives them. */
const FIELD_NAMES: Record<string, string> = {
  durationSec: 'Duration',
  warmupSec: 'Warm-up',
  seed: 'Seed',
  replications: 'Replications',
  'workload.rateMultiplier': 'Load multiplier',
  'tracing.sampleRate': 'Trace sample rate',
  startSec: 'starts at',
  delayMs: 'added delay',
  rate: 'rate',
  factor: 'slowdown factor',
  replicas: 'replicas crashed',
  target: 'target',
};

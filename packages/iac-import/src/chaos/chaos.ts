import type { DesignInput, Fault } from '@architech/contracts';
import { ImportFailure } from '../errors';
import type { Assumption, FaultImportResult, ImportNote, SourceFile } from '../types';
import { asArray, asObject, asString, isObject } from '../util';
import { parseJsonDocument, parseYamlDocuments, type YamlDoc } from '../yaml-source';
import { durationSec, fraction, latencyMs, matchComponent } from './targets';

/** When an imported fault starts, and how long the suggested run lasts after the fault ends. */
export const FAULT_IMPORT_DEFAULTS = { startSec: 30, durationSec: 60, aftermathSec: 60, stressFactor: 2 } as const;

interface Ctx {
  readonly design: DesignInput;
  readonly faults: Fault[];
  readonly assumptions: Assumption[];
  readonly unsupported: ImportNote[];
  /** Whether the common start time has been stated yet (once per experiment file). */
  startStated: boolean;
}

function labelValues(selector: unknown): string[] {
  const s = asObject(selector);
  const labels = { ...asObject(s.labelSelectors), ...asObject(s.matchLabels) };
  const out = Object.values(labels).map(asString).filter((v): v is string => !!v);
  for (const pod of Object.values(asObject(s.pods))) out.push(...asArray(pod).map(asString).filter((v): v is string => !!v));
  return out;
}

function place(ctx: Ctx, at: { file: string; line: number }, what: string, candidates: string[], make: (target: string) => Fault | undefined): void {
  const c = matchComponent(ctx.design, candidates);
  if (!c) {
    ctx.unsupported.push({ resource: what, message: `no component of the design matches ${candidates.length ? candidates.join(', ') : 'its (empty) selector'}`, ...at });
    return;
  }
  const fault = make(c.id);
  if (fault) {
    ctx.faults.push(fault);
    ctx.assumptions.push({ message: `${what} → ${fault.type} on ${c.id} (matched by ${candidates.join(', ')})`, ...at });
  }
}

function window(ctx: Ctx, duration: unknown, at: { file: string; line: number }) {
  const d = durationSec(duration);
  if (d === undefined) ctx.assumptions.push({ message: `no duration stated: ${FAULT_IMPORT_DEFAULTS.durationSec}s assumed`, ...at });
  if (!ctx.startStated) ctx.assumptions.push({ message: `faults start ${FAULT_IMPORT_DEFAULTS.startSec}s into the run, after warm-up`, ...at });
  ctx.startStated = true;
  return { startSec: FAULT_IMPORT_DEFAULTS.startSec, durationSec: d ?? FAULT_IMPORT_DEFAULTS.durationSec };
}

function chaosMesh(doc: YamlDoc, body: Record<string, unknown>, ctx: Ctx): void {
  const kind = String(body.kind);
  const spec = asObject(body.spec);
  const at = { file: doc.file, line: doc.lineOf([]) };
  const targets = labelValues(spec.selector);
  const what = `${kind} ${asString(asObject(body.metadata).name) ?? ''}`.trim();
  if (spec.scheduler !== undefined || kind === 'Schedule') ctx.assumptions.push({ message: `${what}: its schedule runs it repeatedly; one occurrence is predicted`, ...at });
  // Stated only for faults actually placed.
  const w = () => window(ctx, spec.duration, at);
  const action = asString(spec.action);
  if (kind === 'PodChaos') {
    if (action === 'pod-kill' || action === 'pod-failure') place(ctx, at, `${what} ${action}`, targets, (target) => ({ type: 'crash', target, ...w(), ...(spec.mode === 'one' ? { replicas: 1 } : {}) }));
    else ctx.unsupported.push({ resource: what, message: `PodChaos action ${action ?? '(none)'} has no fault equivalent`, ...at });
  } else if (kind === 'NetworkChaos') {
    if (action === 'delay') {
      const ms = latencyMs(asObject(spec.delay).latency);
      place(ctx, at, `${what} delay`, targets, (target) => (ms ? { type: 'latency', target, ...w(), delayMs: ms } : undefined));
    } else if (action === 'loss') {
      const rate = fraction(asObject(spec.loss).loss);
      place(ctx, at, `${what} loss`, targets, (target) => (rate ? { type: 'packet_loss', target, ...w(), rate } : undefined));
    } else if (action === 'partition') place(ctx, at, `${what} partition`, targets, (target) => ({ type: 'partition', target, ...w() }));
    else ctx.unsupported.push({ resource: what, message: `NetworkChaos action ${action ?? '(none)'} has no fault equivalent`, ...at });
  } else if (kind === 'StressChaos') {
    ctx.assumptions.push({ message: `${what}: CPU/memory stress taken as a ${FAULT_IMPORT_DEFAULTS.stressFactor}× slowdown`, ...at });
    place(ctx, at, `${what} stress`, targets, (target) => ({ type: 'slowdown', target, ...w(), factor: FAULT_IMPORT_DEFAULTS.stressFactor }));
  } else ctx.unsupported.push({ resource: what, message: `${kind} has no fault equivalent`, ...at });
}

function litmus(doc: YamlDoc, body: Record<string, unknown>, ctx: Ctx): void {
  const spec = asObject(body.spec);
  const app = asObject(spec.appinfo);
  const targets = [asString(app.applabel)?.split('=').pop(), asString(app.appname)].filter((v): v is string => !!v);
  for (const [i, raw] of asArray(spec.experiments).entries()) {
    const exp = asObject(raw);
    const name = asString(exp.name) ?? '(unnamed)';
    const env = new Map(asArray(asObject(asObject(exp.spec).components).env).map(asObject).map((e) => [asString(e.name) ?? '', asString(e.value)]));
    const eat = { file: doc.file, line: doc.lineOf(['spec', 'experiments', i]) };
    const w = () => window(ctx, env.get('TOTAL_CHAOS_DURATION') ?? undefined, eat);
    const what = `Litmus ${name}`;
    if (name === 'pod-delete' || name === 'container-kill') place(ctx, eat, what, targets, (target) => ({ type: 'crash', target, ...w() }));
    else if (name === 'pod-network-latency') {
      const ms = Number(env.get('NETWORK_LATENCY') ?? 2000);
      place(ctx, eat, what, targets, (target) => ({ type: 'latency', target, ...w(), delayMs: ms > 0 ? ms : 2000 }));
    } else if (name === 'pod-network-loss') {
      const rate = fraction(env.get('NETWORK_PACKET_LOSS_PERCENTAGE') ?? '100') ?? 1;
      place(ctx, eat, what, targets, (target) => ({ type: 'packet_loss', target, ...w(), rate }));
    } else if (name === 'pod-network-partition') place(ctx, eat, what, targets, (target) => ({ type: 'partition', target, ...w() }));
    else if (name === 'pod-cpu-hog' || name === 'node-cpu-hog' || name === 'pod-memory-hog') {
      ctx.assumptions.push({ message: `${what}: taken as a ${FAULT_IMPORT_DEFAULTS.stressFactor}× slowdown`, ...eat });
      place(ctx, eat, what, targets, (target) => ({ type: 'slowdown', target, ...w(), factor: FAULT_IMPORT_DEFAULTS.stressFactor }));
    } else ctx.unsupported.push({ resource: what, message: `Litmus experiment ${name} has no fault equivalent`, ...eat });
  }
}

function fis(doc: YamlDoc, body: Record<string, unknown>, ctx: Ctx): void {
  const targets = asObject(body.targets);
  for (const [name, raw] of Object.entries(asObject(body.actions))) {
    const action = asObject(raw);
    const id = asString(action.actionId) ?? '';
    const at = { file: doc.file, line: doc.lineOf(['actions', name]) };
    const params = asObject(action.parameters);
    const refs = Object.values(asObject(action.targets)).map((t) => asObject(targets[String(t)]));
    const candidates = refs.flatMap((t) => [...asArray(t.resourceArns).map(asString), ...Object.values(asObject(t.resourceTags)).map(asString), ...Object.values(asObject(t.parameters)).map(asString)]).filter((v): v is string => !!v);
    const w = () => window(ctx, params.duration, at);
    const what = `FIS ${name} (${id})`;
    if (/^aws:ecs:stop-task$|^aws:ec2:(stop|terminate|reboot)-instances$|^aws:eks:terminate-nodegroup-instances$|^aws:rds:(reboot-db-instances|failover-db-cluster)$/.test(id)) place(ctx, at, what, candidates, (target) => ({ type: 'crash', target, ...w() }));
    else if (id === 'aws:network:disrupt-connectivity') place(ctx, at, what, candidates, (target) => ({ type: 'partition', target, ...w() }));
    else if (id === 'aws:fis:inject-api-internal-error' || id === 'aws:fis:inject-api-unavailable-error' || id === 'aws:fis:inject-api-throttle-error') {
      const rate = fraction(params.percentage ?? '100') ?? 1;
      place(ctx, at, what, candidates, (target) => ({ type: 'error', target, ...w(), rate }));
    } else if (/^aws:ecs:task-network-latency$|^aws:ssm:send-command/.test(id) && params.delayMilliseconds) {
      place(ctx, at, what, candidates, (target) => ({ type: 'latency', target, ...w(), delayMs: Number(params.delayMilliseconds) }));
    } else if (/cpu-stress|io-stress|memory-stress/.test(id)) place(ctx, at, what, candidates, (target) => ({ type: 'slowdown', target, ...w(), factor: FAULT_IMPORT_DEFAULTS.stressFactor }));
    else ctx.unsupported.push({ resource: what, message: `FIS action ${id || '(none)'} has no fault equivalent`, ...at });
  }
}

/**
 * A chaos experiment (Chaos Mesh PodChaos/NetworkChaos/StressChaos, a Litmus ChaosEngine, an AWS
 * FIS experiment template in JSON or YAML) as faults on `design`, targets matched by label, name or
 * ARN. What cannot be expressed is listed in `unsupported`; nothing is dropped silently.
 */
export function importFaults(file: SourceFile, design: DesignInput): FaultImportResult {
  if (file.text.trim() === '') throw new ImportFailure(file.path, 1, 'the file is empty', 'empty');
  const docs = file.path.endsWith('.json') ? [parseJsonDocument(file.path, file.text)] : parseYamlDocuments(file.path, file.text);
  const ctx: Ctx = { design, faults: [], assumptions: [], unsupported: [], startStated: false };
  let source: FaultImportResult['source'] | undefined;
  for (const doc of docs) {
    if (!isObject(doc.value)) continue;
    const body = doc.value;
    const group = asString(body.apiVersion) ?? '';
    if (group.startsWith('chaos-mesh.org')) { source ??= 'chaos-mesh'; chaosMesh(doc, body, ctx); }
    else if (group.startsWith('litmuschaos.io') && body.kind === 'ChaosEngine') { source ??= 'litmus'; litmus(doc, body, ctx); }
    else if (isObject(body.actions) && isObject(body.targets)) { source ??= 'aws-fis'; fis(doc, body, ctx); }
    else ctx.unsupported.push({ resource: asString(body.kind) ?? 'document', message: 'not a Chaos Mesh, Litmus ChaosEngine or AWS FIS experiment', file: doc.file, line: doc.lineOf([]) });
  }
  if (!source) throw new ImportFailure(file.path, 1, 'no Chaos Mesh, Litmus ChaosEngine or AWS FIS experiment found', 'unknown_format');
  const end = Math.max(0, ...ctx.faults.map((f) => f.startSec + (f.durationSec ?? 0)));
  return { faults: ctx.faults, assumptions: ctx.assumptions, unsupported: ctx.unsupported, source, suggestedDurationSec: Math.ceil(end + FAULT_IMPORT_DEFAULTS.aftermathSec) };
}

import type { Assumption, DraftComponent, DraftEdge, ImportNote, SourceLocation } from './types';

/**
 * What an importer found, before defaults, fix-ups and layout: components keyed by their source
 * resource, the calls between them with their evidence, and everything assumed or left aside.
 */
export class Draft {
  readonly components = new Map<string, DraftComponent>();
  readonly edges: DraftEdge[] = [];
  readonly assumptions: Assumption[] = [];
  readonly notes: ImportNote[] = [];
  readonly services = new Set<string>();
  resourceCount = 0;

  add(component: DraftComponent): DraftComponent {
    this.components.set(component.key, component);
    return component;
  }

  /** Records a call `from` → `to` once (the first evidence wins); ignores self-references and unknown ends. */
  connect(from: string, to: string, evidence: string, at: SourceLocation): void {
    if (from === to || !this.components.has(from) || !this.components.has(to)) return;
    if (this.edges.some((e) => e.from === from && e.to === to)) return;
    this.edges.push({ from, to, evidence, file: at.file, line: at.line });
  }

  assume(message: string, at: SourceLocation): void {
    this.assumptions.push({ message, file: at.file, line: at.line });
  }

  note(resource: string, message: string, at: SourceLocation): void {
    this.notes.push({ resource, message, file: at.file, line: at.line });
  }
}

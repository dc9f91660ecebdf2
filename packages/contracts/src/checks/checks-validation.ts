import type { Design } from '../design.schema';
import { fromZodIssues, type ValidationIssue, type ValidationOutcome } from '../issues';
import { validateSimulationConfig } from '../simulation-config-validation';
import { checksFileSchema, requirementSchema, type ChecksFile, type Requirement } from './checks.schema';

/** The checks that need the design: the scenario's faults and workload, and every criterion's component. */
function designIssues(requirement: Requirement, design: Design, prefix: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const scenario = validateSimulationConfig(requirement.scenario, design);
  if (!scenario.ok) issues.push(...scenario.issues.map((i) => ({ ...i, path: `${prefix}scenario.${i.path}` })));
  const ids = new Set(design.components.map((c) => c.id));
  requirement.criteria.forEach((c, i) => {
    if (c.component !== undefined && !ids.has(c.component)) {
      issues.push({ path: `${prefix}criteria[${i}].component`, code: 'unknown_component', message: `the design has no component '${c.component}'` });
    }
  });
  return issues;
}

/** Validates one requirement (the API's body) and, given the design it is checked on, its references. */
export function validateRequirement(input: unknown, design?: Design): ValidationOutcome<Requirement> {
  const parsed = requirementSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues), warnings: [] };
  const issues = design ? designIssues(parsed.data, design, '') : [];
  return issues.length > 0 ? { ok: false, issues, warnings: [] } : { ok: true, value: parsed.data, warnings: [] };
}

/** Validates a checks file (already parsed from JSON or YAML) and, given the design, its references. */
export function validateChecksFile(input: unknown, design?: Design): ValidationOutcome<ChecksFile> {
  const parsed = checksFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues), warnings: [] };
  const issues = design ? parsed.data.requirements.flatMap((r, i) => designIssues(r, design, `requirements[${i}].`)) : [];
  return issues.length > 0 ? { ok: false, issues, warnings: [] } : { ok: true, value: parsed.data, warnings: [] };
}

/** Components a requirement exercises: targets of its faults and components its criteria bind. */
export function componentsCovered(requirement: Pick<Requirement, 'scenario' | 'criteria'>): string[] {
  const ids = new Set<string>();
  for (const f of requirement.scenario.faults) ids.add(f.target);
  for (const c of requirement.criteria) if (c.component) ids.add(c.component);
  return [...ids].sort();
}

import { fromZodIssues, hypothesisGoal, refineGoalSchema, type RefineGoal } from '@architech/contracts';
import { InputError } from './input-error';
import { fromSource, issueLine } from './issue-lines';
import { readJsonFile } from './load';

/** Reads and validates a goal file; problems become an {@link InputError} naming the file and field. */
export function loadGoal(file: string): { goal: RefineGoal; port: ReturnType<typeof hypothesisGoal> } {
  const raw = readJsonFile(file, 'goal');
  const parsed = refineGoalSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError('invalid_goal', fromSource(file, fromZodIssues(parsed.error.issues)).map(issueLine));
  }
  return { goal: parsed.data, port: hypothesisGoal(parsed.data.hypothesis, parsed.data.objective) };
}

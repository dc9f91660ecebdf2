import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOAL_INFO, reviewRuleCatalogue } from '../../src';

describe('docs/review.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'review.md'), 'utf8');

  it.each([...reviewRuleCatalogue(), GOAL_INFO].map((r) => [r.id, r] as const))('documents %s with its why and reference', (_id, rule) => {
    expect(doc).toContain(`\`${rule.id}\` — ${rule.title}`);
    expect(doc).toContain(rule.why);
    expect(doc).toContain(rule.reference);
  });
});

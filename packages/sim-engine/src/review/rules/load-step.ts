import type { RuleInfo } from '../finding';

/** The what-if rule `simulateReview` adds: the design under twice its load. */
export const LOAD_STEP_INFO: RuleInfo = {
  id: 'load-step-headroom',
  domain: 'cross_domain',
  title: 'Headroom for a 2× load step (simulated)',
  why: 'Traffic doubles on launches, retries and failovers. A design that fails or slows down sharply at twice its load has no headroom; the simulation shows which stations saturate first.',
  reference: 'AWS Well-Architected, Reliability pillar, REL07 "Design your workload to adapt to changes in demand"; Google SRE book, ch. 21 "Handling Overload"',
};

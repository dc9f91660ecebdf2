import { REFINE_LIMITS } from '@architech/contracts';

/** Synopses of `review` and `optimize`, shown under usage errors. */
export const REVIEW_USAGE = {
  review: "usage: architech review <design.json> [--simulate] [--checks goal.json] [--seed N] [--json]   (see 'architech review --help')",
  optimize: "usage: architech optimize <design.json> <goal.json> [-o improved.json] [--json]   (see 'architech optimize --help')",
} as const;

const GOAL_FILE = `A goal file holds a steady-state hypothesis (every condition must hold) and, optionally, the
validation runs' settings and the iteration limit:
  { "hypothesis": [{ "metric": "latencyP99Ms", "op": "<", "value": 200 },
                   { "metric": "errorRate", "op": "<", "value": 0.01 }],
    "run": { "seed": 1, "durationSec": 60, "warmupSec": 10, "replications": 2 },
    "maxIterations": 3 }
metrics: latencyP50Ms, latencyP95Ms, latencyP99Ms, latencyMeanMs, errorRate, throughputPerSec;
durationSec 10–${REFINE_LIMITS.maxDurationSec}, replications 1–${REFINE_LIMITS.maxReplications}, maxIterations 1–${REFINE_LIMITS.maxIterations}.`;

/** `architech review --help`. */
export const REVIEW_HELP = `Usage: architech review <design.json> [options]

Reviews a design like a seasoned architect: findings per domain (compute, database, storage,
network, resilience, cost, cross_domain), each pass, warn or fail with a severity, the components,
the reason, a remediation and the evidence (docs/review.md lists every rule).

Options:
  --simulate        back the findings with what-if simulations: a baseline run, a 30-s crash of
                    each single point of failure and a 2x load step; outcomes change on evidence
  --checks FILE     also judge the design against a goal file (see below) on a validation run
  --seed N          seed of the simulations (default 1); same seed, same review
  --json            print the review as one JSON document on stdout
  -h, --help        show this help

${GOAL_FILE}

Exit codes:
  0    no finding fails
  1    at least one finding fails
  2    bad command line or invalid input file; nothing was reviewed
`;

/** `architech optimize --help`. */
export const OPTIMIZE_HELP = `Usage: architech optimize <design.json> <goal.json> [options]

Runs the refine loop: generating -> validating -> (accepted | optimizing -> generating ...), at
most ${REFINE_LIMITS.maxIterations} iterations. The first proposal sizes every station from queueing formulas (M/M/c,
Erlang C) for the least capacity (replicas x workers); each later one feeds the failed criteria
back (bottlenecks get more capacity, error criteria get resilience settings). Every proposal is
validated by simulation against every criterion; the goal never changes.

Options:
  -o, --output FILE   write the improved design (the last proposal) to FILE
  --json              print the whole run (timeline, changes, capacity, evidence) as JSON
  -h, --help          show this help

${GOAL_FILE}

Exit codes:
  0    accepted: every criterion holds
  1    stopped (iteration limit) or failed without acceptance
  2    bad command line or invalid input file; nothing was run
`;

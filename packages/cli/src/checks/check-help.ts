import { CHECK_LIMITS } from '@architech/contracts';

/** `architech check --help`. */
export const CHECK_HELP = `Usage: architech check <design.json> <checks.json|checks.yaml> [options]
       architech check --server URL --design ID [options]

Checks requirements (SLOs written as criteria on a scenario) against a design. Each scenario runs
its replications (default ${CHECK_LIMITS.defaultReplications}, at most ${CHECK_LIMITS.maxReplications}), one seed each; a criterion passes when its 95%
confidence interval lies wholly on the right side of the threshold, fails when it lies wholly on
the wrong side, and is inconclusive otherwise. Format and metrics: docs/checks.md.

Options:
  --json          print the evidence as JSON instead of the table
  --junit FILE    also write JUnit XML (one testcase per requirement) for CI test reports
  --only REQ-…    check only these requirements (repeat, or comma-separated)
  --server URL    run a check run on an Architech server instead (its requirements, its runs);
  --design ID       the design version to check; the access token is read from ARCHITECH_TOKEN

Exit codes:
  0    every requirement passed
  1    some requirement failed
  2    bad command line or invalid input file (the message names the file and the field)
  3    none failed, but some are inconclusive (add replications)
  130  cancelled with Ctrl+C
`;

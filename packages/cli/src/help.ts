import { MAX_THREADS } from './commands/threads';
import { LIMITS } from '@architech/contracts';

/** One-line synopses, shown under usage errors. */
export const USAGE = {
  main: 'usage: architech <command> [options]   (commands: simulate, validate, check, review, optimize, import, import-faults; see architech --help)',
  simulate: "usage: architech simulate <design.json> [options]   (see 'architech simulate --help')",
  check: "usage: architech check <design.json> <checks.json|yaml> [--json] [--junit FILE] [--only REQ-…]  |  architech check --server URL --design ID   (see 'architech check --help')",
  validate: "usage: architech validate <design.json> [--faults faults.json] [--json]   (see 'architech validate --help')",
  import: "usage: architech import <file|folder>... [--format auto|compose|k8s|terraform|cloudformation] [-o design.json] [--json]   (see 'architech import --help')",
  importFaults: "usage: architech import-faults <experiment> --design <design.json> [-o faults.json] [--json]   (see 'architech import-faults --help')",
} as const;

const EXIT_CODES = `Exit codes:
  0    success
  1    the simulation failed (e.g. it exceeded --max-events)
  2    bad command line or invalid input file; nothing was run
  130  cancelled with Ctrl+C`;

/** `architech --help`. */
export const MAIN_HELP = `architech: validate and simulate system designs

Usage:
  architech simulate <design.json> [options]   run a discrete-event simulation and summarise it
  architech validate <design.json> [options]   check a design (and a faults file) without running it
  architech check <design.json> <checks.yaml>  check requirements (SLOs) with confidence; exit 0/1/3 for CI
  architech review <design.json> [options]     review a design: findings, remediations, evidence
  architech optimize <design.json> <goal.json> refine a design until it meets a goal (least capacity)
  architech import <file|folder>... [options]  turn compose, Kubernetes, Terraform or CloudFormation
                                               files into a design, stating every assumption
  architech import-faults <file> --design D    turn a Chaos Mesh, Litmus or AWS FIS experiment into
                                               faults for design D
  architech help [command]                     show help for a command
  architech --version                          print the version

Run 'architech <command> --help' for the options of a command.

${EXIT_CODES}
`;

/** `architech simulate --help`. */
export const SIMULATE_HELP = `Usage: architech simulate <design.json> [options]

Runs the design through the discrete-event engine and prints a summary: end-to-end throughput,
error rate and latency, then one row per component. With several replications each end-to-end
figure carries the half-width of its 95% confidence interval (± x).

Options:
  --duration S            simulated seconds per replication (default 60, at most ${LIMITS.maxDurationSec})
  --warmup S|auto         seconds excluded from the statistics, or 'auto' to detect the end of the
                          transient with MSER-5 on a pilot run (default 0)
  --seed N                random seed, a whole number >= 0 (default 1); same seed, same result
  --replications N        independent replications (default 1, at most ${LIMITS.maxReplications})
  --target-rel-error X    keep adding replications until every headline metric's 95% CI
                          half-width is below X times its mean (0 < X < 1)
  --max-replications N    ceiling for --target-rel-error (default 50)
  --threads N             run replications on N threads at once (default: the machine's available
                          parallelism, at most ${MAX_THREADS}); the result is identical for any N
  --faults FILE           faults to inject: a JSON array of faults, or { "faults": [...] }
  --sample-rate X         fraction of successful requests whose traces are kept (default 0.01);
                          the slowest requests are always kept, and errored requests up to a share
                          of the trace budget (a uniform sample when there are more)
  --max-events N          stop with an error (exit 1) after N simulation events
  --rate-multiplier X     multiply every client's arrival rate (and profile) by X (default 1)
  --json                  print the engine's full result as one JSON document on stdout
  --report FILE           also write the run report to FILE: one self-contained HTML file (verdict,
                          figures with confidence intervals, charts with fault windows, slowest and
                          failed traces, the command that reproduces the run); see docs/reports.md
  --no-series             with --json, leave out 'timeseries' (the per-bucket series of every metric
                          and component, by far the largest part of the document)
  -h, --help              show this help

A fault looks like { "type": "crash", "target": "db", "startSec": 30, "durationSec": 20 };
types: crash, latency (delayMs), error (rate), packet_loss (rate), partition, slowdown (factor).

A progress bar is drawn on stderr when it is a terminal. Warnings (e.g. components no client
reaches) go to stderr, prefixed 'warning:'. Ctrl+C stops the run and exits with 130.

${EXIT_CODES}
`;

/** `architech validate --help`. */
export const VALIDATE_HELP = `Usage: architech validate <design.json> [options]

Checks a design against the format (types, ranges, unknown keys) and its graph rules (unique ids,
connections between existing components, no synchronous cycle), and optionally a faults file
against the design. Prints 'ok: N components, M connections', or one problem per line as
'file: path: message'.

Options:
  --faults FILE   also check a faults file (a JSON array of faults, or { "faults": [...] })
  --json          print { "ok", "issues", "warnings" } on stdout; each issue has file, path,
                  code and message (a file that cannot be read or is not JSON is still
                  reported on stderr)
  -h, --help      show this help

${EXIT_CODES}
`;

/** \`architech import --help\`. */
export const IMPORT_HELP = `Usage: architech import <file|folder>... [options]

Reads infrastructure code and writes a runnable design: docker-compose files, Kubernetes manifests
(multi-document YAML, a folder, or 'kustomize build' output), a Terraform module's .tf files (AWS,
and Azure and GCP equivalents), or CloudFormation templates (YAML with !Ref/!GetAtt/!Sub…, or JSON).
Folders are read recursively (YAML, JSON and .tf files). Every inference and default is reported as
an assumption with its file and line; resources that are not components are kept as notes; secrets
in environment values are never copied. docs/import.md describes the mapping and the limits.

Without -o the design is printed on stdout and the report (assumptions, notes) on stderr.

Options:
  --format F        auto (default: from each file's name and content), compose, k8s, terraform,
                    cloudformation
  -o, --output FILE write the design to FILE
  --name NAME       the design's name (default: the first file's name)
  --json            print { design, assumptions: [{ message, file, line }], notes, evidence,
                    metadata } on stdout
  -h, --help        show this help

A file that cannot be imported is reported as 'file:line: reason' with exit code 2.

${EXIT_CODES}
`;

/** \`architech import-faults --help\`. */
export const IMPORT_FAULTS_HELP = `Usage: architech import-faults <experiment> --design <design.json> [options]

Turns a chaos experiment into faults for a design, to predict its outcome before running it for
real: Chaos Mesh (PodChaos pod-kill/pod-failure, NetworkChaos delay/loss/partition, StressChaos),
a Litmus ChaosEngine (pod-delete, pod-network-latency/loss/partition, cpu/memory hogs), or an AWS FIS
experiment template (ECS stop-task, EC2 stop/terminate, network disrupt-connectivity, API error
injection). Targets are matched to components by label value, name or ARN; what cannot be
expressed is reported, never dropped silently. Then: architech simulate <design.json> --faults F.

Options:
  --design FILE     the design whose components the experiment targets (required)
  -o, --output FILE write { "faults": [...] } to FILE (default: stdout)
  --json            print { faults, assumptions, unsupported, source, suggestedDurationSec }
  -h, --help        show this help

${EXIT_CODES}
`;

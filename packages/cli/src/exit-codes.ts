/** The process exit codes, documented in `architech --help`. */
export const EXIT = {
  ok: 0,
  /** The simulation itself failed (e.g. it exceeded its event budget). */
  runFailed: 1,
  /** `check`: some requirement failed (same code as a failed run: the build goes red). */
  checkFailed: 1,
  /** `check`: nothing failed, but some requirement is inconclusive. */
  inconclusive: 3,
  /** Bad command line or bad input file; nothing was run. */
  usage: 2,
  /** Interrupted with Ctrl+C; the conventional 128 + SIGINT. */
  cancelled: 130,
} as const;

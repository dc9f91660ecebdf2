/** Where the CLI writes text: the subset of a Node stream the commands use. */
export interface OutputStream {
  write(text: string): unknown;
}

/** Standard error as the progress bar needs it: whether a terminal is attached, and how wide it is. */
export interface TerminalStream extends OutputStream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Every side effect of the CLI besides reading input files and running the engine's worker:
 * injected so that commands can be driven and observed without a real process.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: TerminalStream;
  /** Subscribes to Ctrl+C (SIGINT); returns the function that unsubscribes. */
  onInterrupt(handler: () => void): () => void;
}

/**
 * The real process: its standard streams and its SIGINT. A reader that goes away early
 * (`architech simulate … --json | head`) is not an error of ours, so EPIPE on stdout is ignored
 * rather than crashing with a stack trace.
 */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}

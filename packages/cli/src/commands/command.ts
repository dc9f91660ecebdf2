import type { CliIo } from '../io';

/** A subcommand of `architech`. */
export interface Command {
  /** Full `--help` text. */
  help: string;
  /** Runs the command on its own arguments (the command name removed); resolves to the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

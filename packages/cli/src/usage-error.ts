/**
 * The command line itself is wrong (unknown command or flag, a flag's value of the wrong kind, a
 * missing argument). Reported with a short usage hint; exit code 2.
 */
export class UsageError extends Error {
  readonly code = 'usage';

  /** @param usage the command's one-line synopsis, shown under the message */
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

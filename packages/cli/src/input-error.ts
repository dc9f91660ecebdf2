/**
 * An input file cannot be used: unreadable, not JSON, or not a valid design, faults list or
 * configuration. Each line of `lines` is printed to stderr as is; exit code 2.
 */
export class InputError extends Error {
  /**
   * @param code stable reason: `unreadable`, `invalid_json`, `invalid_design`, `invalid_faults`, `invalid_config`
   * @param lines the full report, one problem per line, each naming the file or the flag and the field
   */
  constructor(
    readonly code: string,
    readonly lines: readonly string[],
  ) {
    super(lines.join('\n'));
  }
}

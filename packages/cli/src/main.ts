import { checkCommand } from './commands/check';
import { optimizeCommand } from './commands/optimize';
import { reviewCommand } from './commands/review';
import { importCommand } from './commands/import';
import { importFaultsCommand } from './commands/import-faults';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import type { Command } from './commands/command';
import { EXIT } from './exit-codes';
import { MAIN_HELP, USAGE } from './help';
import { InputError } from './input-error';
import { processIo, type CliIo } from './io';
import { UsageError } from './usage-error';
import { cliVersion } from './version';

const COMMANDS: Record<string, Command> = {
  simulate: simulateCommand,
  validate: validateCommand,
  check: checkCommand,
  review: reviewCommand,
  optimize: optimizeCommand,
  import: importCommand,
  'import-faults': importFaultsCommand,
};

/** `--help` anywhere before `--` wins, so that help works even on an otherwise broken command line. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

function commandNamed(name: string): Command {
  // Own properties only: `architech toString` is an unknown command, not Object.prototype's.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command '${name}'`, USAGE.main);
  return command;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing a command', USAGE.main);
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${cliVersion()}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(rest[0] === undefined || first !== 'help' ? MAIN_HELP : commandNamed(rest[0]).help);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}' (options go after the command)`, USAGE.main);
  const command = commandNamed(first);
  if (asksForHelp(rest)) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  return command.run(rest, io);
}

/**
 * The `architech` command line. Never throws for bad input: usage and input problems are
 * printed to stderr, without a stack trace, and become exit code 2.
 *
 * @param argv the arguments after the program name, e.g. `['simulate', 'design.json', '--json']`
 * @returns the exit code: 0 ok, 1 the run failed, 2 bad command line or input, 130 cancelled
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`architech: ${error.message}\n${error.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`${error.lines.join('\n')}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

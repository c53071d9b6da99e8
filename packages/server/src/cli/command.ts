import { type ParseArgsConfig, parseArgs } from 'node:util';

// The frame every `loket-server NAME <command>` module shares: strict options with -h/--help,
// the usage on a mistake, and an operator's input error (thrown by the functions the API also
// uses) said as its message with exit status 1 instead of a stack trace.

type Options = NonNullable<ParseArgsConfig['options']>;
const helpOption = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Config<O extends Options> = {
  args: string[];
  options: O & typeof helpOption;
  allowPositionals: true;
  strict: true;
};
export type Values<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>['values'];

/** Says why on stderr; the exit status of a refused command. */
export function fail(message: string): number {
  console.error(message);
  return 1;
}

export interface CommandSpec<O extends Options> {
  /** As typed after `loket-server`, for "unknown officer command". */
  name: string;
  usage: string;
  options: O;
  /** Errors whose message is for the operator (bad input), not a crash. */
  inputErrors: readonly (abstract new (
    ...args: never[]
  ) => Error)[];
}

/**
 * Parses `args` and hands the subcommand, its positional arguments and the options to `dispatch`,
 * which answers `undefined` for a subcommand it does not know.
 */
export async function runCommand<const O extends Options>(
  args: string[],
  spec: CommandSpec<O>,
  dispatch: (command: string, rest: string[], values: Values<O>) => Promise<number | undefined>,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<Config<O>>>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...spec.options, ...helpOption },
    }) as typeof parsed;
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n\n${spec.usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(spec.usage);
    return 0;
  }
  const [command, ...rest] = parsed.positionals;
  if (command === undefined) return fail(spec.usage);
  try {
    const status = await dispatch(command, rest, parsed.values);
    return status ?? fail(`unknown ${spec.name} command "${command}"\n\n${spec.usage}`);
  } catch (err) {
    if (spec.inputErrors.some((type) => err instanceof type)) return fail((err as Error).message);
    throw err;
  }
}

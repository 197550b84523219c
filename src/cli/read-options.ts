// Every command reads its argv here: it lists its options in a table and gets back their values and its
// operands, or the usage error to print. Long options take `--name value` or `--name=value`; one-letter
// forms take the value after a space or attached (`-fjson`, as hadolint and docker take it). `--` ends
// the options, `-` is an operand (standard input), and `--help` or `-h` asks for the command's help.
import { distance } from "../lint/config.js";
import type { CliIo } from "./io.js";

export type Refusal = { ok: false; error: string };
/** A value as read, or why it is refused. */
export type Checked<T> = { ok: true; value: T } | Refusal;

export interface OptionSpec {
  /** The one-letter form, as `-f`. */
  readonly short?: string;
  /**
   * Reads the option's value, refusing a bad one; an option without it is a switch. It runs as the value
   * is met, so the mistake reported is the first on the line, as a loop over argv would find it.
   */
  readonly value?: (text: string) => Checked<unknown>;
  /** Every value is kept, in the order given; otherwise the last one counts. */
  readonly repeat?: boolean;
  /** The entry the option sets when not its own name; options that share one count in the order given. */
  readonly key?: string;
  /** What a switch sets its entry to (true unless said). */
  readonly sets?: unknown;
  /**
   * A switch that also takes `=true` or `=false` (and Go's other spellings: 1, t, TRUE, 0, f, FALSE...),
   * as docker's command line reads its booleans: scripts write `--rm=false` and `--no-cache=true`.
   */
  readonly bool?: boolean;
}

/** A command's options by long name; declared `as const satisfies OptionTable` so keys and `sets` keep their literal types. */
export type OptionTable = { readonly [long: `--${string}`]: OptionSpec };

type EntryOf<S, K> = S extends { key: infer E extends string } ? E : K;
type ValueOf<S> = S extends { value: (text: string) => Checked<infer V> }
  ? S extends { repeat: true } ? V[] : V
  : S extends { bool: true } ? boolean
  : S extends { sets: infer X } ? X : true;

/** The values a command line gave, by option (or shared key); an option not given is absent. */
export type OptionValues<T extends OptionTable> = { -readonly [K in keyof T as EntryOf<T[K], K>]?: ValueOf<T[K]> };

export type ReadOptions<T extends OptionTable> = { ok: true; options: OptionValues<T>; operands: string[] } | Refusal | { help: true };

// Go's strconv.ParseBool, which docker's flags read `--name=value` of a boolean with.
const GO_BOOLEANS = new Map<string, boolean>([
  ...["1", "t", "T", "TRUE", "true", "True"].map((s) => [s, true] as const),
  ...["0", "f", "F", "FALSE", "false", "False"].map((s) => [s, false] as const),
]);

/** Reads argv against a command's option table, stopping at the first mistake or at --help. */
export function readOptions<T extends OptionTable>(argv: readonly string[], table: T): ReadOptions<T> {
  const specs = new Map<string, OptionSpec>(Object.entries(table));
  const shorts = new Map<string, string>();
  for (const [long, spec] of specs) if (spec.short) shorts.set(spec.short, long);
  const options: Record<string, unknown> = {};
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (raw === "-" || !raw.startsWith("-")) {
      operands.push(raw);
      continue;
    }
    let name = raw;
    let inline: string | undefined;
    if (raw.startsWith("--")) {
      const eq = raw.indexOf("=");
      if (eq > 0) [name, inline] = [raw.slice(0, eq), raw.slice(eq + 1)];
    } else if (raw === "-h") name = "--help";
    else {
      const long = shorts.get(raw.slice(0, 2));
      if (long !== undefined && raw.length === 2) name = long;
      else if (long !== undefined && specs.get(long)!.value) [name, inline] = [long, raw.slice(2)];
    }
    if (name === "--help") return inline === undefined ? { help: true } : { ok: false, error: "--help takes no value" };
    const spec = specs.get(name);
    if (!spec) return { ok: false, error: `unknown option '${raw}'${suggestion(name, [...specs.keys(), "--help"])}` };
    const key = spec.key ?? name;
    if (!spec.value) {
      if (inline !== undefined && spec.bool) {
        const value = GO_BOOLEANS.get(inline);
        if (value === undefined) return { ok: false, error: `${name} takes true or false, not '${inline}'` };
        options[key] = value;
        continue;
      }
      if (inline !== undefined) return { ok: false, error: `${name} takes no value` };
      options[key] = "sets" in spec ? spec.sets : true;
      continue;
    }
    const text = inline ?? argv[++i];
    // A separate value that looks like a long option is a forgotten value: `--ignore --fix`.
    if (text === undefined || (inline === undefined && text.startsWith("--"))) return { ok: false, error: `${name} needs a value` };
    const read = spec.value(text);
    if (!read.ok) return read;
    if (spec.repeat) ((options[key] ??= []) as unknown[]).push(read.value);
    else options[key] = read.value;
  }
  return { ok: true, options: options as OptionValues<T>, operands };
}

/** Prints the help asked for (exit 0) or the usage error and where to look (exit 2); `who` starts the error. */
export function answerUsage(read: Refusal | { help: true }, io: CliIo, command: string, help: string, who = "dflint"): number {
  if ("help" in read) {
    io.out(help + "\n");
    return 0;
  }
  io.err(`${who}: ${read.error} (see dflint ${command} --help)\n`);
  return 2;
}

/** The value as given. */
export const text = (value: string): Checked<string> => ({ ok: true, value });

/** A value read by a function that returns null (or undefined) for one it cannot read; `error` says why. */
export function checked<T>(value: T | null | undefined, error: string): Checked<T> {
  return value === null || value === undefined ? { ok: false, error } : { ok: true, value };
}

/** A value from a fixed list; `refusal` says what the option takes, and the refused value is added to it. */
export function oneOf<const C extends string>(choices: readonly C[], refusal: string): (text: string) => Checked<C> {
  return (value) => checked(choices.find((c) => c === value), `${refusal}, not '${value}'`);
}

function suggestion(name: string, known: readonly string[]): string {
  let best = "";
  let bestDistance = Infinity;
  for (const option of known) {
    const d = distance(name, option);
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean '${best}'?)` : "";
}

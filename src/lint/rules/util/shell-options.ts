// A command's words read the way its program reads them: options (getopt clusters, long options, values
// glued on or in the next word) and operands. Rules need to know which words are options and which option
// owns which value: `apt-get -t bookworm-backports install curl` installs `curl`, not `bookworm-backports`.
import type { ShellWord } from "../../../model/shell/types.js";

/** How a program reads its options. */
export interface OptionSpec {
  /** Short options that take a value, glued (`-oVALUE`) or in the next word (`-o VALUE`). */
  shortWithValue?: string;
  /** Long options (without dashes) that take a value: `--name VALUE` or `--name=VALUE`. */
  longWithValue?: readonly string[];
  /** apt's `-q=2` and `-o=Name=value`: `=` after a short option starts its value. */
  shortEquals?: boolean;
  /** Go's flag package: `-name` is one option, whether written with one dash or two. */
  goStyle?: boolean;
  /** Options end at the first operand (wrappers, Go's flag package); GNU getopt reads them anywhere. */
  stopAtOperand?: boolean;
}

export interface ParsedOption {
  /** Without dashes: `y` for `-y` (also inside `-qy`), `yes` for `--yes`. */
  name: string;
  long: boolean;
  /** The word the option is written in. */
  word: ShellWord;
  /** Its value: undefined when it takes none, null when the value has expansions. */
  value: string | null | undefined;
  /** The word holding the value when it is the next word (`-u 1000`), else null. */
  valueWord: ShellWord | null;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Every operand, in order, those after `--` included. */
  operands: ShellWord[];
  /** The operands after `--` (build arguments for `gem install`, program arguments for `go run`). */
  afterDashDash: ShellWord[];
}

/** Reads a command's arguments as options and operands. A word with expansions is an operand unless it starts with `-`. */
export function parseOptions(args: readonly ShellWord[], spec: OptionSpec = {}): ParsedArgs {
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  const afterDashDash: ShellWord[] = [];
  const longWithValue = new Set(spec.longWithValue ?? []);
  const shortWithValue = spec.shortWithValue ?? "";
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const next = (): ShellWord | null => (i + 1 < args.length ? args[++i]! : null);
    const v = word.value;
    if (v === "--") {
      afterDashDash.push(...args.slice(i + 1));
      operands.push(...args.slice(i + 1));
      break;
    }
    // A word with an expansion is an option only when its dash is literal (`--index-url=$URL`, `-u "$UID"`).
    const shape = v ?? literalPrefix(word.text);
    if (!shape.startsWith("-") || shape === "-") {
      operands.push(word);
      if (spec.stopAtOperand) {
        operands.push(...args.slice(i + 1));
        break;
      }
      continue;
    }
    if (shape.startsWith("--") || spec.goStyle) {
      const body = shape.slice(shape.startsWith("--") ? 2 : 1);
      const eq = body.indexOf("=");
      const name = eq < 0 ? body : body.slice(0, eq);
      if (eq >= 0) options.push({ name, long: true, word, value: v === null ? null : body.slice(eq + 1), valueWord: null });
      else if (v === null) options.push({ name, long: true, word, value: null, valueWord: null }); // `--$X`: unknown
      else if (longWithValue.has(name)) {
        const valueWord = next();
        options.push({ name, long: true, word, value: valueWord ? valueWord.value : null, valueWord });
      } else options.push({ name, long: true, word, value: undefined, valueWord: null });
      continue;
    }
    // A cluster of short options: `-qqy`, `-ovalue`, `-q=2`.
    for (let k = 1; k < shape.length; k++) {
      const c = shape[k]!;
      const rest = shape.slice(k + 1);
      if (spec.shortEquals && rest.startsWith("=")) {
        options.push({ name: c, long: false, word, value: v === null ? null : rest.slice(1), valueWord: null });
        break;
      }
      if (shortWithValue.includes(c)) {
        if (rest !== "" || v === null) options.push({ name: c, long: false, word, value: v === null ? null : rest, valueWord: null });
        else {
          const valueWord = next();
          options.push({ name: c, long: false, word, value: valueWord ? valueWord.value : null, valueWord });
        }
        break;
      }
      options.push({ name: c, long: false, word, value: undefined, valueWord: null });
    }
  }
  return { options, operands, afterDashDash };
}

/** Whether one of the options is given, by name without dashes (`y`, `yes`). */
export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return findOption(parsed, ...names) !== undefined;
}

/** The first of the options given (see hasOption). */
export function findOption(parsed: ParsedArgs, ...names: string[]): ParsedOption | undefined {
  return parsed.options.find((o) => names.includes(o.name));
}

// The text of a word up to its first expansion or quote: `-u` of `-u$UID`, `--index-url=` of `--index-url=$URL`.
function literalPrefix(text: string): string {
  const m = /^[A-Za-z0-9_@%+=:,./-]*/.exec(text);
  return m ? m[0] : "";
}

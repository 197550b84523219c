// What the formatter can be told, and its defaults.

export interface FormatOptions {
  /** Continuation indentation: a number of spaces per level, or `tab` for one tab per level. Default 4. */
  indent?: number | "tab";
  /** Break the `&&`, `||` and `;` chains of a continued shell-form command one command per line. Default true. */
  breakChains?: boolean;
  /** Also lay out each RUN's shell with mvdan/sh's printer (POSIX shells only). Default false. */
  shell?: boolean;
}

export interface ResolvedFormatOptions {
  /** One level of indentation. */
  unit: string;
  breakChains: boolean;
  shell: boolean;
}

/** The widest indentation accepted, in spaces. */
export const MAX_INDENT = 16;

/** Fills in the defaults. An indent outside 1..16 spaces is taken as the default, 4. */
export function resolveFormatOptions(options: FormatOptions = {}): ResolvedFormatOptions {
  const indent = options.indent;
  const unit = indent === "tab" ? "\t" : " ".repeat(isIndentWidth(indent) ? indent : 4);
  return { unit, breakChains: options.breakChains ?? true, shell: options.shell ?? false };
}

/** Whether a value is an indentation width the formatter takes. */
export function isIndentWidth(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_INDENT;
}

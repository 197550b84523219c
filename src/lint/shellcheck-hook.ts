// The contract between lint() and whatever runs ShellCheck. The core spawns nothing: it hands every
// script of a file to the hook at once (so a shell can run one ShellCheck process per Dockerfile) and
// maps what comes back onto the Dockerfile.

/** One script to check, ready to be written to a file as is. */
export interface ShellcheckInput {
  /** The text for ShellCheck: a `# shellcheck shell=` line, a line exporting the declared names, then the script. */
  script: string;
  /** The dialect the first line names, for hooks that would rather pass `--shell`. */
  shell: "sh" | "bash";
}

/** One of ShellCheck's comments as `--format=json1` gives it, with the file replaced by its input's index. */
export interface ShellcheckComment {
  input: number;
  /** 1-based; columns count code points, a tab counting one (json1's convention). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** error, warning, info or style. */
  level: string;
  /** The number: 2086 for SC2086. */
  code: number;
  message: string;
}

export type ShellcheckOutput = { ok: true; comments: ShellcheckComment[] } | { ok: false; error: string };

/** Checks every script of one Dockerfile; called once per lint, synchronously. */
export type ShellcheckHook = (inputs: readonly ShellcheckInput[]) => ShellcheckOutput;

/**
 * Checks hadolint leaves out, and so does dflint: SC2187 (ash read as dash), SC1090 and SC1091 (a sourced file
 * that cannot be followed, which in a RUN lives in the image, never beside the Dockerfile).
 */
export const SHELLCHECK_EXCLUDED: readonly string[] = ["SC2187", "SC1090", "SC1091"];

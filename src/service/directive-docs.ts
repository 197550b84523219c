// Parser directives (`# syntax=`, `# escape=`, `# check=`) and the `# check=` keys, as Docker's
// reference describes them; and the inline pragmas dflint and hadolint read.

export interface DirectiveDoc {
  summary: string;
  /** A snippet for the value. */
  snippet: string;
  url: string;
}

export const DIRECTIVE_DOCS: Readonly<Record<string, DirectiveDoc>> = {
  syntax: {
    summary: "The Dockerfile frontend image to build this file with, like `docker/dockerfile:1` (the latest 1.x).",
    snippet: "${1:docker/dockerfile:1}",
    url: "https://docs.docker.com/reference/dockerfile/#syntax",
  },
  escape: {
    summary: "The escape character: `\\` (the default) or `` ` `` (handy where `\\` separates paths, as on Windows).",
    snippet: "${1|`,\\\\|}",
    url: "https://docs.docker.com/reference/dockerfile/#escape",
  },
  check: {
    summary: "Configures build checks: `skip=<checks>|all` turns checks off, `error=true` makes any finding fail the build, `experimental=<checks>|all` turns on experimental checks.",
    snippet: "skip=${1:check}",
    url: "https://docs.docker.com/reference/dockerfile/#check",
  },
};

export const CHECK_KEYS: ReadonlyArray<{ key: string; documentation: string }> = [
  { key: "skip", documentation: "Checks to skip, comma-separated, or `all`." },
  { key: "error", documentation: "`true`: any finding fails the build." },
  { key: "experimental", documentation: "Experimental checks to run, comma-separated, or `all`." },
];

/** `# dflint ignore=` (or `# hadolint ignore=`), optionally `global`: the codes' span in the comment, when it is one. */
export const PRAGMA = /^(\s*#\s*(?:hadolint|dflint)\s+(?:global\s+)?ignore\s*=\s*)([^#]*)/;

// The output formats by name, for --format.
import { formatCheckstyle } from "./checkstyle.js";
import { formatGithub } from "./github.js";
import { formatGitlab } from "./gitlab.js";
import { formatGnu } from "./gnu.js";
import { formatJson } from "./json.js";
import type { Formatter } from "./report.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";
import { formatTty } from "./tty.js";

export type { FileReport, FormatOptions, Formatter } from "./report.js";

export const FORMATS: Readonly<Record<string, Formatter>> = {
  tty: formatTty,
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  checkstyle: formatCheckstyle,
  gitlab: formatGitlab,
  gnu: formatGnu,
  github: formatGithub,
};

/** hadolint's names for the same formats, so a .hadolint.yaml's `format:` and -f work as there. */
export const FORMAT_ALIASES: Readonly<Record<string, string>> = {
  gitlab_codeclimate: "gitlab",
  "gitlab-codeclimate": "gitlab",
  plain: "text",
};

/** The formatter a --format name means, if any. */
export function findFormat(name: string): { name: string; format: Formatter } | undefined {
  const key = FORMAT_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
  return Object.hasOwn(FORMATS, key) ? { name: key, format: FORMATS[key]! } : undefined;
}

// ShellCheck's checks as dflint rules: code SC1234, name `shellcheck`, the level ShellCheck gives, so that
// ignore lists, pragmas and level overrides address them by code like any other rule.
import type { Level, Rule } from "./rule.js";

const rules = new Map<string, Rule>();
const LEVELS: readonly string[] = ["error", "warning", "info", "style"];

/** The rule for one ShellCheck code at the level ShellCheck reported it. */
export function shellcheckRule(code: number, level: string): Rule {
  const sc = `SC${code}`;
  // ShellCheck has only these four levels; anything else would be a newer ShellCheck's, read as a warning.
  const lvl = (LEVELS.includes(level) ? level : "warning") as Level;
  const key = `${sc}\0${lvl}`;
  let rule = rules.get(key);
  if (!rule) {
    rule = {
      code: sc,
      name: "shellcheck",
      level: lvl,
      source: "hadolint",
      fix: null,
      docs: {
        summary: `ShellCheck's check ${sc}.`,
        rationale: `dflint runs ShellCheck on RUN scripts when it is installed, as hadolint does; see https://www.shellcheck.net/wiki/${sc}.`,
        bad: "",
        good: "",
      },
      check: () => {},
    };
    rules.set(key, rule);
  }
  return rule;
}

// Inline suppression: hadolint's pragmas (`# hadolint ignore=`, `global ignore=`, also spelled
// `# dflint ...`) and BuildKit's `# check=skip=...` directive with its per-instruction form.
import type { Dockerfile, Instruction } from "../syntax/tree.js";
import { findRules } from "./registry.js";
import type { Rule } from "./rule.js";

export interface Suppressions {
  /** True when a finding of `rule` on `instruction` (null: not on one) is suppressed inline. */
  isSuppressed(rule: Rule, instruction: Instruction | null): boolean;
  /** BuildKit's `error=true` from the check directive. */
  checkError: boolean;
  /** Experimental BuildKit checks the directive turns on. */
  experimental: Set<string>;
}

const PRAGMA = /^#\s*(?:hadolint|dflint)\s+(global\s+)?ignore\s*=\s*([^#]*?)\s*(?:#.*)?$/;

function ruleCodes(list: string): string[] | null {
  const codes: string[] = [];
  for (const part of list.split(",")) {
    const rules = findRules(part.trim());
    // ShellCheck's codes are rules too when ShellCheck runs (see shellcheck-rule.ts).
    if (rules.length === 0 && /^SC\d+$/i.test(part.trim())) codes.push(part.trim().toUpperCase());
    else if (rules.length === 0) return null; // hadolint drops a pragma with any unknown code
    else codes.push(...rules.map((r) => r.code)); // a shared alias silences each rule that has it
  }
  return codes;
}

// The codes `# check=` names: a rule's code, each rule of a shared check name, or the name as given.
function checkCodes(name: string): string[] {
  const rules = findRules(name);
  return rules.length ? rules.map((r) => r.code) : [name];
}

// Checks about the whole file, which BuildKit configures only with the file-level directive:
// DuplicateStageName, ReservedStageName, ConsistentInstructionCasing, InvalidDefaultArgInFrom and
// NoEmptyContinuation.
const WHOLE_FILE_CHECKS = new Set(["DL3024", "DL3063", "DF203", "DF211", "DF009"]);

/** BuildKit checks are addressed by their check names in `# check=`; `all` means every one. */
function isBuildkitCheck(rule: Rule): boolean {
  return rule.source === "buildkit" || rule.source === "hadolint+buildkit";
}

interface CheckOptions {
  skip: Set<string>;
  skipAll: boolean;
  experimental: Set<string>;
  error: boolean;
}

// `skip=A,B;experimental=C;error=true`; BuildKit reads the directive only up to the first space.
function parseCheck(value: string): CheckOptions | null {
  const options: CheckOptions = { skip: new Set(), skipAll: false, experimental: new Set(), error: false };
  const text = value.split(/\s/)[0] ?? "";
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const names = part.slice(eq + 1).split(",").map((s) => s.trim()).filter(Boolean);
    if (key === "skip") for (const n of names) n === "all" ? (options.skipAll = true) : checkCodes(n).forEach((c) => options.skip.add(c));
    else if (key === "experimental") for (const n of names) n === "all" ? options.experimental.add("all") : checkCodes(n).forEach((c) => options.experimental.add(c));
    else if (key === "error") options.error = names[0] === "true";
    else return null;
  }
  return options;
}

/** Reads every suppression in a file. `disabled` ignores hadolint-style pragmas (disable-ignore-pragma). */
export function readSuppressions(tree: Dockerfile, disabled: boolean): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const global = new Set<string>();
  if (!disabled) {
    for (const node of tree.children) {
      if (node.kind !== "comment") continue;
      const m = PRAGMA.exec(node.text.trim());
      const codes = m ? ruleCodes(m[2]!) : null;
      if (!codes) continue;
      if (m![1]) for (const c of codes) global.add(c);
      else {
        const line = node.range.start.line + 1; // binds to exactly the next line
        const set = byLine.get(line) ?? new Set();
        for (const c of codes) set.add(c);
        byLine.set(line, set);
      }
    }
  }
  const directive = tree.directives.find((d) => d.name === "check");
  const fileCheck = directive ? parseCheck(directive.value) : null;
  const perInstruction = new Map<Instruction, CheckOptions>();
  return {
    checkError: fileCheck?.error ?? false,
    experimental: fileCheck?.experimental ?? new Set(),
    isSuppressed(rule, ins) {
      if (global.has(rule.code)) return true;
      if (ins && byLine.get(ins.range.start.line)?.has(rule.code)) return true;
      if (!isBuildkitCheck(rule)) return false;
      // skip=all leaves experimental checks alone: BuildKit turns those on only by name.
      const skipsAll = (o: CheckOptions) => o.skipAll && rule.status !== "experimental";
      if (fileCheck && (skipsAll(fileCheck) || fileCheck.skip.has(rule.code))) return true;
      if (!ins || WHOLE_FILE_CHECKS.has(rule.code)) return false;
      let local = perInstruction.get(ins);
      if (local === undefined) {
        // The first `check=` among the comments right above the instruction; a bad one is ignored.
        const comment = ins.comments.find((c) => c.startsWith("check="));
        local = (comment ? parseCheck(comment.slice("check=".length)) : null) ?? { skip: new Set(), skipAll: false, experimental: new Set(), error: false };
        perInstruction.set(ins, local);
      }
      return skipsAll(local) || local.skip.has(rule.code);
    },
  };
}

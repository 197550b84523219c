// Which flags each instruction accepts, and whether their values are ones BuildKit takes
// (frontend/dockerfile/instructions: BFlags and parseMount). The parser takes `--flags` off every
// instruction; this is the check BuildKit makes right after, with the flag's range.
import type { LineIndex } from "./line-index.js";
import { readMountFields } from "./mount-options.js";
import { SYNTAX_PROBLEMS, type SyntaxProblemInfo } from "./syntax-problems.js";
import type { Diagnostic, Flag, Instruction, Range } from "./tree.js";

type FlagType = "bool" | "string" | "list" | "duration" | "integer";

const FLAGS: Record<string, Record<string, FlagType>> = {
  FROM: { platform: "string" },
  RUN: { mount: "list", network: "string", security: "string", device: "list" },
  ADD: {
    chown: "string",
    chmod: "string",
    link: "bool",
    "keep-git-dir": "bool",
    checksum: "string",
    unpack: "bool",
    exclude: "list",
  },
  COPY: { from: "string", chown: "string", chmod: "string", link: "bool", parents: "bool", exclude: "list" },
  HEALTHCHECK: {
    interval: "duration",
    timeout: "duration",
    "start-period": "duration",
    "start-interval": "duration",
    retries: "integer",
  },
};

/** The flags an instruction accepts, by name; empty for instructions that take none. */
export function flagsOf(instruction: string): Readonly<Record<string, FlagType>> {
  return FLAGS[instruction] ?? {};
}

export const MOUNT_TYPES = ["bind", "cache", "tmpfs", "secret", "ssh"] as const;
export const MOUNT_KEYS = [
  "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro", "readwrite", "rw",
  "id", "sharing", "required", "size", "mode", "uid", "gid", "env",
] as const;

// Go's time.ParseDuration. Its `µs` and `μs` never match here: BuildKit reads flag values byte by byte, so
// the value it parses holds the UTF-8 bytes of `µ` as two characters (see extractFlags), and rejects it.
const GO_DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|ms|s|m|h))+$/;

/** Checks the flags of an instruction (and of its ONBUILD trigger). */
export function checkFlags(ins: Instruction, text: string, index: LineIndex, out: Diagnostic[]): void {
  if (ins.trigger) checkFlags(ins.trigger, text, index, out);
  if (!ins.isKnown) return;
  // STOPSIGNAL never looks at its flags, nor does HEALTHCHECK NONE.
  if (ins.name === "STOPSIGNAL") return;
  if (ins.name === "HEALTHCHECK" && ins.healthcheckType?.value.toUpperCase() === "NONE") return;
  const accepted = flagsOf(ins.name);
  const seen = new Set<string>();
  for (const flag of ins.flags) {
    const type = Object.hasOwn(accepted, flag.name) ? accepted[flag.name] : undefined;
    const report = (problem: SyntaxProblemInfo, message: string, range: Range = flag.range) =>
      out.push({ code: problem.code, name: problem.name, severity: problem.severity, message, range });
    if (!type) {
      const names = Object.keys(accepted);
      const hint = suggest(flag.name, names);
      report(
        SYNTAX_PROBLEMS.unknownFlag,
        names.length === 0
          ? `${ins.name} takes no flags; '--${flag.name}' is not valid here.`
          : `Unknown flag '--${flag.name}' for ${ins.name}${hint ? ` (did you mean '--${hint}'?)` : ""}; valid flags: ${names.map((n) => "--" + n).join(", ")}.`,
        flag.nameRange,
      );
      continue;
    }
    if (seen.has(flag.name) && type !== "list") {
      report(SYNTAX_PROBLEMS.duplicateFlag, `Flag '--${flag.name}' is given more than once.`);
    }
    seen.add(flag.name);
    const v = flag.value;
    const valueRange = flag.valueRange ?? flag.range;
    switch (type) {
      case "bool":
        if (v !== null && !["true", "false"].includes(v.toLowerCase())) {
          report(
            SYNTAX_PROBLEMS.invalidFlagValue,
            v === "" ? `Flag '--${flag.name}=' has no value; write '--${flag.name}' or '--${flag.name}=true'.` : `Flag '--${flag.name}' expects true or false, not '${v}'.`,
            valueRange,
          );
        }
        break;
      case "string":
      case "list":
        if (v === null) {
          report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' needs a value: '--${flag.name}=VALUE' (a value after a space is not read).`);
          break;
        }
        checkStringValue(ins, flag, text, index, report);
        break;
      case "duration":
        if (v === null) report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' needs a duration such as '--${flag.name}=30s'.`);
        else if (v !== "" && v !== "0" && !GO_DURATION.test(v)) {
          // The message quotes the value as written, not the bytes BuildKit made of it.
          const written = text.slice(valueRange.start.offset, valueRange.end.offset);
          const why = /[^\x00-\x7f]/.test(written) ? ` BuildKit reads flag values as bytes, so only ASCII units work${/[µμ]s/.test(written) ? " (write 'us' for 'µs')" : ""}.` : "";
          report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' expects a duration such as 30s or 1m30s, not '${written}'.${why}`, valueRange);
        } else if (v.startsWith("-") && /[1-9]/.test(v)) {
          report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' cannot be negative.`, valueRange);
        } else if (v !== "" && durationMs(v) > 0 && durationMs(v) < 1) {
          report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' cannot be less than 1ms.`, valueRange);
        }
        break;
      case "integer":
        if (v === null) report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' needs a number such as '--${flag.name}=3'.`);
        else if (v !== "" && !/^[-+]?\d+$/.test(v)) {
          report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' expects a whole number, not '${v}'.`, valueRange);
        } else if (/^-\d*[1-9]/.test(v)) {
          report(SYNTAX_PROBLEMS.invalidFlagValue, `Flag '--${flag.name}' cannot be negative.`, valueRange);
        }
        break;
    }
  }
}

type Report = (problem: SyntaxProblemInfo, message: string, range?: Range) => void;

function checkStringValue(ins: Instruction, flag: Flag, text: string, index: LineIndex, report: Report): void {
  const v = flag.value!;
  const valueRange = flag.valueRange ?? flag.range;
  if (ins.name !== "RUN") return;
  if (flag.name === "network" && !["default", "none", "host"].includes(v)) {
    report(SYNTAX_PROBLEMS.invalidFlagValue, `Invalid network mode '${v}': use default, none or host.`, valueRange);
  } else if (flag.name === "security" && !["sandbox", "insecure"].includes(v)) {
    report(SYNTAX_PROBLEMS.invalidFlagValue, `Invalid security mode '${v}': use sandbox or insecure.`, valueRange);
  } else if (flag.name === "device") {
    report(SYNTAX_PROBLEMS.unknownFlag, "RUN --device needs the labs Dockerfile frontend (# syntax=docker/dockerfile:1-labs).", flag.nameRange);
  } else if (flag.name === "mount") {
    checkMount(flag, text, index, report);
  }
}

interface RangedMountField {
  key: string;
  value: string | null;
  range: Range;
}

function mountFields(flag: Flag, text: string, index: LineIndex): RangedMountField[] {
  const v = flag.value!;
  const vr = flag.valueRange;
  // Field ranges are exact when the value stands in the source as written; otherwise use the value's.
  const exact = vr !== null && text.slice(vr.start.offset, vr.end.offset) === v;
  return readMountFields(v).map((f) => ({
    key: f.key,
    value: f.value,
    range: exact ? index.range(vr!.start.offset + f.start, vr!.start.offset + f.end) : (vr ?? flag.range),
  }));
}

function checkMount(flag: Flag, text: string, index: LineIndex, report: Report): void {
  const fields = mountFields(flag, text, index);
  let type = "bind";
  const given = new Map<string, RangedMountField>();
  for (const f of fields) {
    if (f.key === "type" && f.value !== null) type = f.value.toLowerCase();
  }
  for (const f of fields) {
    given.set(canonicalKey(f.key), f);
    if (f.value === null) {
      if (!["ro", "readonly", "rw", "readwrite", "required"].includes(f.key)) {
        report(SYNTAX_PROBLEMS.invalidMount, `Mount option '${f.key}' needs a value ('${f.key}=...').`, f.range);
      }
      continue;
    }
    if (!(MOUNT_KEYS as readonly string[]).includes(f.key)) {
      const hint = suggest(f.key, MOUNT_KEYS);
      report(SYNTAX_PROBLEMS.invalidMount, `Unknown mount option '${f.key}'${hint ? ` (did you mean '${hint}'?)` : ""}.`, f.range);
      continue;
    }
    const value = f.value;
    switch (f.key) {
      case "type":
        if (!(MOUNT_TYPES as readonly string[]).includes(type)) {
          const hint = suggest(type, MOUNT_TYPES);
          report(SYNTAX_PROBLEMS.invalidMount, `Unknown mount type '${value}'${hint ? ` (did you mean '${hint}'?)` : ""}; use ${MOUNT_TYPES.join(", ")}.`, f.range);
        }
        break;
      case "readonly":
      case "ro":
      case "readwrite":
      case "rw":
      case "required":
        if (!["true", "false", "1", "0", "t", "f"].includes(value.toLowerCase())) {
          report(SYNTAX_PROBLEMS.invalidMount, `Mount option '${f.key}' expects true or false, not '${value}'.`, f.range);
        }
        break;
      case "sharing":
        if (!["shared", "private", "locked"].includes(value.toLowerCase())) {
          report(SYNTAX_PROBLEMS.invalidMount, `Invalid sharing '${value}': use shared, private or locked.`, f.range);
        }
        break;
      case "mode":
        if (!/^[0-7]+$/.test(value)) report(SYNTAX_PROBLEMS.invalidMount, `Mount mode must be octal, not '${value}'.`, f.range);
        break;
      case "uid":
      case "gid":
        if (!/^\d+$/.test(value)) report(SYNTAX_PROBLEMS.invalidMount, `Mount ${f.key} must be a number, not '${value}'.`, f.range);
        break;
    }
  }
  if (!(MOUNT_TYPES as readonly string[]).includes(type)) return;
  const only = (key: string, types: string[], what: string) => {
    const f = given.get(key);
    if (f && !types.includes(type)) report(SYNTAX_PROBLEMS.invalidMount, `Mount option '${f.key}' is ${what}, not for type=${type}.`, f.range);
  };
  only("sharing", ["cache"], "for cache mounts only");
  only("size", ["tmpfs"], "for tmpfs mounts only");
  only("env", ["secret"], "for secret mounts only");
  only("required", ["secret", "ssh"], "for secret and ssh mounts only");
  for (const key of ["mode", "uid", "gid"]) only(key, ["secret", "ssh", "cache"], "for secret, ssh and cache mounts only");
  if (type === "secret") {
    const from = given.get("from");
    if (from) report(SYNTAX_PROBLEMS.invalidMount, "A secret mount cannot have 'from'.", from.range);
    if (given.has("source") && given.has("id")) {
      report(SYNTAX_PROBLEMS.invalidMount, "A secret mount cannot set both 'source' and 'id'.", given.get("id")!.range);
    }
  }
}

function canonicalKey(key: string): string {
  switch (key) {
    case "src":
      return "source";
    case "dst":
    case "destination":
      return "target";
    case "ro":
      return "readonly";
    case "rw":
      return "readwrite";
    default:
      return key;
  }
}

function durationMs(v: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
  let total = 0;
  for (const m of v.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|ms|s|m|h)/g)) total += Number(m[1]) * units[m[2]!]!;
  return total;
}

/** The closest candidate within a small edit distance, for "did you mean". */
export function suggest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

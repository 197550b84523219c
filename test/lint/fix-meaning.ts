// What a fix may change, checked. A finding's fix is applied alone and BuildKit's reading of the file
// is compared before and after. Outside the instructions the edits touch, everything stays: each
// instruction's AST dump, its stage, the stages it names and (for a safe fix) the variables it sees;
// the stages' names, bases and platforms. A safe fix keeps the dump of what it edits as well, unless
// its rule declares how it changes it (FixInfo.changes), and then it must change just that. An unsafe
// fix may rewrite what it edits, no more. No fix adds a syntax or model diagnostic.
import {
  analyze,
  applyFixes,
  dumpInstruction,
  expandWord,
  expandWords,
  findRule,
  parse,
  type Declaration,
  type FixChange,
  type Finding,
  type Instruction,
  type Model,
  type ParseResult,
  type Stage,
} from "../../src/index.js";
import { runScripts } from "../../src/model/shell/parse-run.js";
import { LineIndex } from "../../src/syntax/line-index.js";

/** One instruction as the comparison sees it. */
interface InstructionView {
  dump: string;
  /** Its stage, and the stages its FROM, --from or mount names. */
  place: string;
  /** The variables it sees, each with its value and how its declaration expands. */
  scope: string;
}

/** A file as BuildKit reads it, projected for comparison. */
export interface Reading {
  text: string;
  parsed: ParseResult;
  model: Model;
  instructions: InstructionView[];
  stages: string[];
  /** Parser and model diagnostics, counted by code. */
  diagnostics: Map<string, number>;
}

// Every variable expands to a marker of its name: two spellings compare equal only when they expand
// alike whatever the values are (a base image's PATH, a build arg).
class MarkerEnvironment extends Map<string, string> {
  override get(name: string): string {
    return `⟨${name}⟩`;
  }
}
const MARKERS = new MarkerEnvironment();

function symbolic(word: string, escape: "\\" | "`"): string {
  const r = expandWord(word, MARKERS, { escape });
  return r.ok ? r.value : "✗ does not expand"; // BuildKit stops the build there, however it is spelled
}

function baseOf(stage: Stage): string {
  const b = stage.base;
  return b.kind === "stage" ? `stage ${b.stage.index}` : b.kind === "image" ? `image ${b.text}` : "scratch";
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Parses and analyzes text, and projects what a fix must keep. */
export function read(text: string): Reading {
  const parsed = parse(text);
  const model = analyze(parsed.tree);
  const escape = parsed.tree.escape;
  const declared = new Map<Declaration, string>();
  const declaration = (d: Declaration): string => {
    let s = declared.get(d);
    if (s === undefined) {
      s = `${d.kind} ${d.value ?? "∅"} ${d.rawValue === null ? "∅" : symbolic(d.rawValue, escape)}`;
      declared.set(d, s);
    }
    return s;
  };
  const edges = new Map<Instruction, string[]>();
  for (const e of model.edges) edges.set(e.instruction, [...(edges.get(e.instruction) ?? []), `${e.kind}→${e.to.index}`]);
  const instructions = parsed.tree.instructions.map((ins): InstructionView => {
    let scope: string | undefined;
    return {
      dump: dumpInstruction(ins),
      place: `stage ${model.stageOf(ins)?.index ?? "-"} ${(edges.get(ins) ?? []).join(" ")}`,
      // Made on first use: most comparisons never need it.
      get scope() {
        return (scope ??= model
          .scopeAt(ins)
          .entries()
          .map(([name, d]) => `${name}: ${declaration(d)}`)
          .sort()
          .join("; "));
      },
    };
  });
  const stages = model.stages.map(
    (s) => `${s.index} ${s.name ?? "-"} from ${baseOf(s)} platform ${s.platform ? (s.platform.value ?? s.platform.raw) : "-"} parent ${s.parent?.index ?? "-"}`,
  );
  const diagnostics = countBy([...parsed.diagnostics, ...model.diagnostics], (d) => d.code);
  return { text, parsed, model, instructions, stages, diagnostics };
}

/** Codes whose count grew from `before` to `after`. */
export function grown(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): string[] {
  return [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code]) => code);
}

/** The instructions a fix touches: those between the first and last edit, edges included. */
interface Split {
  /** Untouched instructions before and after the edits. */
  head: number;
  tail: number;
  changedBefore: Instruction[];
  changedAfter: Instruction[];
}

function split(before: Reading, after: Reading, edits: ReadonlyArray<{ start: number; end: number; text: string }>): Split | string {
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  const delta = edits.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  const b = before.parsed.tree.instructions;
  const a = after.parsed.tree.instructions;
  let head = 0;
  while (head < b.length && b[head]!.range.end.offset < start) head++;
  let tail = 0;
  while (tail < b.length - head && b[b.length - 1 - tail]!.range.start.offset > end) tail++;
  if (a.length < head + tail) return `the file has ${a.length} instructions, fewer than the ${head + tail} the fix does not touch`;
  for (let i = 0; i < head; i++) {
    if (a[i]!.range.start.offset !== b[i]!.range.start.offset) return `instruction ${i + 1} moved`;
  }
  for (let j = 1; j <= tail; j++) {
    if (a[a.length - j]!.range.start.offset !== b[b.length - j]!.range.start.offset + delta) return `instruction ${b.length - j + 1} moved`;
  }
  // An edit that ends where the next instruction starts (a deleted line) touches it only on paper: an
  // instruction at the edge that reads the same, in the same place, counts as untouched.
  const same = (i: number, k: number, shift: number) =>
    before.instructions[i]!.dump === after.instructions[k]!.dump && a[k]!.range.start.offset === b[i]!.range.start.offset + shift;
  // The tail first: of two identical instructions, a deletion is taken to remove the earlier one.
  while (head + tail < Math.min(a.length, b.length) && same(b.length - 1 - tail, a.length - 1 - tail, delta)) tail++;
  while (head + tail < Math.min(a.length, b.length) && same(head, head, 0)) head++;
  return { head, tail, changedBefore: b.slice(head, b.length - tail), changedAfter: a.slice(head, a.length - tail) };
}

/** What is wrong with one finding's fix applied alone: [] when it changes only what it may. */
export function fixProblems(before: Reading, finding: Finding): string[] {
  const fix = finding.fix!;
  const after = read(applyFixes(before.text, [finding], { unsafe: true }).text);
  const problems: string[] = [];
  const added = grown(before.diagnostics, after.diagnostics);
  if (added.length) problems.push(`adds diagnostics ${added.join(", ")}`);
  const s = split(before, after, fix.edits);
  if (typeof s === "string") return [...problems, s];
  const safe = fix.safety === "safe";

  // Outside the fix: the same instructions in the same places, seeing the same variables (an unsafe fix
  // such as DF207's `ARG NAME` may change what later instructions see).
  const b = before.instructions;
  const a = after.instructions;
  // An instruction before the fix sees only what comes before it, so only those after are asked what they see.
  const untouched: Array<[number, number, boolean]> = [];
  for (let i = 0; i < s.head; i++) untouched.push([i, i, false]);
  for (let j = 1; j <= s.tail; j++) untouched.push([b.length - j, a.length - j, safe]);
  for (const [i, k, isScoped] of untouched) {
    const [x, y] = [b[i]!, a[k]!];
    if (x.dump !== y.dump) problems.push(`changes instruction ${i + 1} outside the fix: ${x.dump} → ${y.dump}`);
    else if (x.place !== y.place) problems.push(`moves instruction ${i + 1} (${x.dump}): ${x.place} → ${y.place}`);
    else if (isScoped && x.scope !== y.scope) problems.push(`changes what instruction ${i + 1} (${x.dump}) sees: ${firstDifference(x.scope, y.scope)}`);
  }
  if (before.stages.join("\n") !== after.stages.join("\n")) {
    problems.push(`changes the stages: ${firstDifference(before.stages.join("\n"), after.stages.join("\n"))}`);
  }
  if (!safe) return problems;

  const rule = findRule(finding.code);
  const changes = rule?.fix?.changes;
  const edited = { before: b.slice(s.head, b.length - s.tail), after: a.slice(s.head, a.length - s.tail) };
  if (changes === "overridden-deleted") return [...problems, ...checkDeleted(before, s)];
  if (s.changedBefore.length !== s.changedAfter.length) {
    return [...problems, `turns ${s.changedBefore.length} instruction(s) into ${s.changedAfter.length}`];
  }
  for (let i = 0; i < s.changedBefore.length; i++) {
    const [x, y] = [edited.before[i]!, edited.after[i]!];
    if (x.place !== y.place) problems.push(`moves the fixed instruction: ${x.place} → ${y.place}`);
    if (x.scope !== y.scope) problems.push(`changes what the fixed instruction sees: ${firstDifference(x.scope, y.scope)}`);
    const wrong = checkChange(changes, before, after, s.changedBefore[i]!, s.changedAfter[i]!, x.dump, y.dump, fix.edits.map((e) => e.text).join(""));
    if (wrong) problems.push(`${wrong} (${x.dump} → ${y.dump})`);
  }
  return problems;
}

// A deleted instruction must be one that a later instruction of its kind in the same stage overrides.
function checkDeleted(before: Reading, s: Split): string[] {
  if (s.changedBefore.length !== 1 || s.changedAfter.length !== 0) {
    return [`should delete one instruction, but turns ${s.changedBefore.length} into ${s.changedAfter.length}`];
  }
  const gone = s.changedBefore[0]!;
  const stage = before.model.stageOf(gone);
  const later = stage ? stage.instructions.slice(stage.instructions.indexOf(gone) + 1) : [];
  return later.some((i) => i.name === gone.name) ? [] : [`deletes ${dumpInstruction(gone)}, which nothing later in its stage overrides`];
}

/** Why the fixed instruction changed in a way `changes` does not allow, or null. */
function checkChange(
  changes: FixChange | undefined,
  before: Reading,
  after: Reading,
  x: Instruction,
  y: Instruction,
  dumpX: string,
  dumpY: string,
  inserted: string,
): string | null {
  const escape = before.parsed.tree.escape;
  switch (changes) {
    case undefined:
      return dumpX === dumpY ? null : "changes BuildKit's reading, and its rule declares no change";
    case "letter-case":
      return dumpX.toLowerCase() === dumpY.toLowerCase() ? null : "changes more than letter case";
    case "key-value-form": {
      if (x.name !== y.name || !["ENV", "LABEL"].includes(x.name)) return "is not the same ENV or LABEL";
      const pairs = (ins: Instruction) =>
        ins.args.map((kv) => (kv.kind === "key-value" ? `${kv.key}=${kv.value === null ? "∅" : symbolic(kv.value, escape)}` : `✗${kv.kind}`)).join(" ");
      return pairs(x) === pairs(y) ? null : `sets ${pairs(y)} where it set ${pairs(x)}`;
    }
    case "maintainer-label": {
      const word = x.args[0];
      const kv = y.args[0];
      if (x.name !== "MAINTAINER" || word?.kind !== "word") return "does not start from a MAINTAINER";
      if (y.name !== "LABEL" || y.args.length !== 1 || kv?.kind !== "key-value" || kv.key !== "maintainer" || kv.value === null) return "is not one maintainer label";
      // MAINTAINER stores its text as written; the label's value is expanded.
      const value = symbolic(kv.value, escape);
      return value === word.value ? null : `labels '${value}' where MAINTAINER said '${word.value}'`;
    }
    case "add-to-copy":
      return x.name === "ADD" && y.name === "COPY" && dumpY === dumpX.replace(/^\(add/, "(copy") ? null : "is not the same ADD written COPY";
    case "destination-slash": {
      const [ox, oy] = [operands(x, escape), operands(y, escape)];
      const wanted = [...ox.slice(0, -1), ox.at(-1) + "/"];
      if (x.name !== "COPY" || y.name !== "COPY" || flagsOf(x) !== flagsOf(y)) return "is not the same COPY";
      return oy.join(" ") === wanted.join(" ") ? null : `copies to ${oy.join(" ")}, not ${wanted.join(" ")}`;
    }
    case "workdir-absolute": {
      if (x.name !== "WORKDIR" || y.name !== "WORKDIR") return "is not a WORKDIR";
      const path = operands(y, escape)[0] ?? "";
      const [dx, dy] = [workdirAfter(before.text, x), workdirAfter(after.text, y)];
      if (!path.startsWith("/")) return `writes '${path}', which is not absolute`;
      return dx === dy ? null : `resolves to ${dy}, not ${dx}`;
    }
    case "expose-container-port": {
      const [px, py] = [exposed(x, escape), exposed(y, escape)];
      return x.name === "EXPOSE" && y.name === "EXPOSE" && px === py ? null : `exposes ${py}, not ${px}`;
    }
    case "command-option":
      return checkOption(before, after, x, y, inserted);
    case "overridden-deleted":
      return "deletes nothing";
  }
}

// Operands as BuildKit expands them: JSON elements, or words expanded (with markers for variables).
function operands(ins: Instruction, escape: "\\" | "`"): string[] {
  return ins.args.flatMap((arg) =>
    arg.kind === "json-array" ? arg.elements.map((e) => e.value) : arg.kind === "word" ? [symbolic(arg.value, escape)] : [`✗${arg.kind}`],
  );
}

function flagsOf(ins: Instruction): string {
  return ins.flags.map((f) => f.raw).join(" ");
}

// The stage's working directory right after the instruction: the model of the file cut there.
function workdirAfter(text: string, ins: Instruction): string | null {
  const cut = analyze(parse(text.slice(0, ins.range.end.offset)).tree);
  return cut.stages.at(-1)?.workdir ?? null;
}

// What BuildKit records of each EXPOSE word: the container port and the protocol, lower case, tcp by default.
function exposed(ins: Instruction, escape: "\\" | "`"): string {
  const ports: string[] = [];
  for (const arg of ins.args) {
    const words = arg.kind === "word" ? expandWords(arg.value, MARKERS, { escape }) : null;
    if (!words?.ok) return `✗${arg.kind}`;
    for (const w of words.words) {
      const container = w.slice(w.lastIndexOf(":") + 1);
      const [port, protocol = "tcp"] = container.split("/");
      ports.push(`${port}/${protocol.toLowerCase()}`);
    }
  }
  return ports.join(" ");
}

// The commands of a RUN (its shell script and heredoc scripts), each as its words, assignments first.
function commandsOf(reading: Reading, ins: Instruction): string[][] | string {
  const scripts = runScripts(ins, reading.text, new LineIndex(reading.text), reading.model.shellAt(ins));
  const out: string[][] = [];
  for (const s of scripts) {
    if (s.kind === "unparsed") return `a script that does not parse (${s.reason})`;
    for (const c of s.commands) out.push([...c.assignments, c.name?.text ?? "", ...c.args.map((w) => w.text)]);
  }
  return out;
}

// The same commands, one of which has one more word, an option: the inserted text. A command holding
// that one in `$(...)` or backquotes has the inserted text in one of its words.
function checkOption(before: Reading, after: Reading, x: Instruction, y: Instruction, inserted: string): string | null {
  const run = (ins: Instruction) => (ins.name === "ONBUILD" && ins.trigger ? ins.trigger : ins);
  if (run(x).name !== "RUN" || run(y).name !== "RUN") return "is not a RUN";
  if (flagsOf(run(x)) !== flagsOf(run(y))) return "changes the RUN's flags";
  const [cx, cy] = [commandsOf(before, x), commandsOf(after, y)];
  if (typeof cx === "string") return `edits ${cx}`;
  if (typeof cy === "string") return `leaves ${cy}`;
  if (cx.length !== cy.length) return `turns ${cx.length} commands into ${cy.length}`;
  let added: string | null = null;
  for (let i = 0; i < cx.length; i++) {
    const [c, d] = [cx[i]!, cy[i]!];
    if (c.join(" ") === d.join(" ")) continue;
    if (d.length === c.length + 1 && added === null) {
      const at = c.findIndex((w, k) => w !== d[k]);
      const word = d[at]!;
      if (at > 0 && [...d.slice(0, at), ...d.slice(at + 1)].join(" ") === c.join(" ") && /^["']?-/.test(word)) {
        added = word;
        continue;
      }
    }
    const holds = d.length === c.length && d.every((w, k) => w === c[k] || w.replace(inserted, "") === c[k]);
    if (!holds) return `changes '${c.join(" ")}' into '${d.join(" ")}', not by adding one option`;
  }
  return added === null ? "adds no option to any command" : null;
}

function firstDifference(x: string, y: string): string {
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const from = Math.max(0, i - 40);
  return `…${x.slice(from, i + 60)}… → …${y.slice(from, i + 60)}…`;
}

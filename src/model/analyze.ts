// analyze(): the syntax tree in, the model out (see model.ts). It follows BuildKit's dispatcher:
// global ARGs (before the first FROM) are expanded with the platform args and seen by FROM lines
// only; each stage starts from its base (a stage passes on its ARG and ENV values, an image's own
// environment is unknown here); ARG and ENV take effect from their line on, ENV over ARG; and only
// the words BuildKit expands have their variables resolved.
import { shellLex } from "../syntax/shell-lex.js";
import type { SyntaxProblemInfo } from "../syntax/syntax-problems.js";
import type { Diagnostic, Dockerfile, Flag, Instruction, KeyValue, Range, SyntaxNode, Word } from "../syntax/tree.js";
import { sourceOffset, valueRuns } from "../syntax/value-offsets.js";
import { LineIndex } from "../syntax/line-index.js";
import { readMountFields } from "../syntax/mount-options.js";
import { platformArgs } from "./automatic-args.js";
import { defaultShell, POSIX_SHELL } from "./default-shell.js";
import { parseImageReference } from "./image-reference.js";
import type { AnalyzeOptions, Declaration, Model, Scope, Stage, StageEdge, VariableReference } from "./model.js";
import { MODEL_PROBLEMS } from "./model-problems.js";
import { resolveWorkdir, parseExposedPort } from "./stage-settings.js";
import { cycleEdges, baseOrder, outgoing, stagesNeededBy } from "./stage-graph.js";
import { findVariableReferences, type FoundReference } from "./variable-references.js";

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** A persistent list of declarations: each instruction keeps the head it saw. */
interface Frame {
  decl: Declaration;
  next: Frame | null;
}

class ChainScope implements Scope {
  private cache: Map<string, Declaration> | null = null;

  constructor(private readonly env: Frame | null, private readonly args: Frame | null) {}

  get(name: string): Declaration | undefined {
    for (let f = this.env; f; f = f.next) if (f.decl.name === name) return f.decl;
    for (let f = this.args; f; f = f.next) if (f.decl.name === name) return f.decl;
    return undefined;
  }

  entries(): Array<[string, Declaration]> {
    if (!this.cache) {
      const m = new Map<string, Declaration>();
      for (let f = this.env; f; f = f.next) if (!m.has(f.decl.name)) m.set(f.decl.name, f.decl);
      for (let f = this.args; f; f = f.next) if (!m.has(f.decl.name)) m.set(f.decl.name, f.decl);
      this.cache = m;
    }
    return [...this.cache];
  }
}

/** The variables in effect while walking a stage: declarations and their known values. */
class Variables {
  env = new Map<string, Declaration>();
  args = new Map<string, Declaration>();
  envFrame: Frame | null = null;
  argFrame: Frame | null = null;
  /** Name → value for expansion; ENV wins over ARG. Unset names are absent. */
  values = new Map<string, string>();

  clone(): Variables {
    const v = new Variables();
    v.env = new Map(this.env);
    v.args = new Map(this.args);
    v.envFrame = this.envFrame;
    v.argFrame = this.argFrame;
    v.values = new Map(this.values);
    return v;
  }

  lookup(name: string): Declaration | null {
    return this.env.get(name) ?? this.args.get(name) ?? null;
  }

  declare(d: Declaration): void {
    if (d.kind === "env") {
      this.env.set(d.name, d);
      this.envFrame = { decl: d, next: this.envFrame };
      if (d.value !== null) this.values.set(d.name, d.value);
    } else {
      this.args.set(d.name, d);
      this.argFrame = { decl: d, next: this.argFrame };
      if (!this.env.has(d.name)) {
        if (d.value !== null) this.values.set(d.name, d.value);
        else this.values.delete(d.name);
      }
    }
  }

  scope(): ChainScope {
    return new ChainScope(this.envFrame, this.argFrame);
  }
}

/** Builds the model of a parsed Dockerfile. Never throws on any tree the parser returns. */
export function analyze(tree: Dockerfile, options: AnalyzeOptions = {}): Model {
  return new Analysis(tree, options).run();
}

class Analysis {
  private readonly index: LineIndex;
  private readonly escape: "\\" | "`";
  private readonly buildArgs: ReadonlyMap<string, string>;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly declarations: Declaration[] = [];
  private readonly references: VariableReference[] = [];
  private readonly stages: Stage[] = [];
  private readonly stagesByName = new Map<string, Stage>();
  private readonly stageOfInstruction = new Map<Instruction, Stage | null>();
  private readonly scopes = new Map<Instruction, ChainScope>();
  private readonly shells = new Map<Instruction, readonly string[]>();
  private readonly edges: StageEdge[] = [];
  private readonly edgesByFlag = new Map<Flag, StageEdge>();
  private readonly globalArgs: Declaration[] = [];
  private readonly global = new Variables();
  /** Whether a stage's environment is fully known (its base chain ends in scratch). */
  private readonly isEnvKnown = new Map<Stage, boolean>();
  private readonly finalVariables = new Map<Stage, Variables>();
  private readonly targetPlatform: string;

  constructor(private readonly tree: Dockerfile, private readonly options: AnalyzeOptions) {
    this.index = new LineIndex(tree.text);
    this.escape = tree.escape;
    this.buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
    this.targetPlatform = options.platform ?? options.buildPlatform ?? "linux/amd64";
  }

  run(): Model {
    const buildPlatform = this.options.buildPlatform ?? "linux/amd64";
    for (const [name, value] of platformArgs(buildPlatform, this.targetPlatform)) {
      this.global.declare(this.automatic(name, value));
    }

    const stageInstructions: Instruction[][] = [];
    for (const ins of this.tree.instructions) {
      if (ins.name === "FROM") {
        stageInstructions.push([ins]);
      } else if (stageInstructions.length === 0) {
        this.stageOfInstruction.set(ins, null);
        if (ins.name === "ARG") this.globalArg(ins);
        else if (ins.isKnown) {
          this.report(MODEL_PROBLEMS.noStage, `${ins.name} comes before the first FROM; only ARG may (no build stage in current context).`, ins.keyword.range);
        }
      } else stageInstructions[stageInstructions.length - 1]!.push(ins);
    }
    if (stageInstructions.length === 0 && this.tree.instructions.length > 0) {
      const first = this.tree.instructions[0]!;
      this.report(MODEL_PROBLEMS.noStages, "The file has no FROM, so there is no stage to build.", first.range);
    }

    stageInstructions.forEach((list, i) => this.createStage(i, list));
    for (const stage of this.stages) this.resolveBase(stage);
    for (const stage of this.stages) this.collectEdges(stage);
    const out = outgoing(this.stages, this.edges);
    for (const edge of cycleEdges(this.stages, out)) {
      const name = edge.to.name ?? String(edge.to.index);
      this.report(MODEL_PROBLEMS.circularStage, `Circular dependency detected on stage '${name}'.`, edge.range);
      if (edge.kind === "from" && edge.from.parent === edge.to) edge.from.parent = null; // walked as if based on nothing
    }
    for (const stage of baseOrder(this.stages)) this.walkStage(stage);

    let target: Stage | null = this.stages[this.stages.length - 1] ?? null;
    if (this.options.target !== undefined) {
      target = this.stagesByName.get(this.options.target.toLowerCase()) ?? null;
      if (!target) {
        this.report(MODEL_PROBLEMS.unknownTarget, `There is no stage named '${this.options.target}' to build.`, this.index.range(0, 0));
      }
    }
    const needed = target ? stagesNeededBy(target, out, this.stages) : [];
    const neededSet = new Set(needed);
    const memo = new Map<Stage, Stage[]>();
    const scopes = this.scopes;
    const emptyScope = new ChainScope(null, null);
    return {
      tree: this.tree,
      globalArgs: this.globalArgs,
      stages: this.stages,
      stagesByName: this.stagesByName,
      target,
      edges: this.edges,
      declarations: this.declarations,
      references: this.references,
      stageOf: (ins) => this.stageOfInstruction.get(ins) ?? null,
      scopeAt: (ins) => scopes.get(ins) ?? emptyScope,
      shellAt: (ins) => this.shells.get(ins) ?? POSIX_SHELL,
      stagesNeededBy: (t) => {
        let r = memo.get(t);
        if (!r) memo.set(t, (r = stagesNeededBy(t, out, this.stages)));
        return r;
      },
      unreachableStages: target ? this.stages.filter((s) => !neededSet.has(s)) : [],
      edgeAt: (flag) => this.edgesByFlag.get(flag),
      diagnostics: this.diagnostics,
    };
  }

  private report(p: SyntaxProblemInfo, message: string, range: Range): void {
    this.diagnostics.push({ code: p.code, name: p.name, severity: p.severity, message, range });
  }

  private automatic(name: string, value: string): Declaration {
    return { name, kind: "automatic", instruction: null, stage: null, nameRange: null, rawValue: null, value, inherits: null };
  }

  // ---- global ARGs and FROM ----

  private globalArg(ins: Instruction): void {
    this.scopes.set(ins, this.global.scope());
    for (const arg of ins.args) {
      if (arg.kind !== "key-value") continue;
      this.refsInArgDefault(ins, arg, null, this.global);
      let value: string | null = null;
      if (this.buildArgs.has(arg.key)) value = this.buildArgs.get(arg.key)!;
      else if (arg.value !== null) value = this.expand(arg.value, this.global.values, arg.valueRange ?? arg.range);
      const decl: Declaration = {
        name: arg.key,
        kind: "global-arg",
        instruction: ins,
        stage: null,
        nameRange: arg.keyRange,
        rawValue: arg.value,
        value,
        inherits: null,
      };
      this.declarations.push(decl);
      this.globalArgs.push(decl);
      this.global.declare(decl);
    }
  }

  /** Values FROM lines expand with: declared global ARGs are set (empty without a default), as in BuildKit. */
  private fromValues(): Map<string, string> {
    const values = new Map(this.global.values);
    for (const d of this.globalArgs) if (!values.has(d.name)) values.set(d.name, "");
    return values;
  }

  private createStage(index: number, list: Instruction[]): void {
    const from = list[0]!;
    const words = from.args.filter((a): a is Word => a.kind === "word");
    const image = words[0] ?? null;
    let nameWord: Word | null = null;
    if (words.length === 3 && words[1]!.value.toLowerCase() === "as") nameWord = words[2]!;
    else if (words.length !== 1) {
      this.report(MODEL_PROBLEMS.fromArguments, "FROM requires either one or three arguments: an image, or an image, AS and a name.", from.range);
    }
    const name = nameWord ? nameWord.value.toLowerCase() : null;
    if (nameWord && !STAGE_NAME.test(name!)) {
      this.report(MODEL_PROBLEMS.invalidStageName, `Invalid stage name '${nameWord.value}': it must start with a letter and hold only letters, digits, '-', '_' and '.'.`, nameWord.range);
    }
    this.scopes.set(from, this.global.scope());
    const values = this.fromValues();
    let baseText = "";
    if (image) {
      this.refsInNode(from, image, null, this.global, { quotes: true });
      baseText = this.expand(image.value, values, image.range) ?? image.value;
    }
    const platformFlag = from.flags.find((f) => f.name === "platform") ?? null;
    let platform: Stage["platform"] = null;
    if (platformFlag && platformFlag.value !== null) {
      this.refsInNode(from, platformFlag, null, this.global, { quotes: false, skipPrefix: "--platform=".length });
      platform = { raw: platformFlag.value, value: this.expand(platformFlag.value, values, platformFlag.range), range: platformFlag.range };
    }
    const stage: Stage = {
      index,
      name,
      nameAsWritten: nameWord?.value ?? null,
      nameRange: nameWord?.range ?? null,
      from,
      baseText,
      baseRange: image?.range ?? null,
      base: { kind: "scratch" },
      platform,
      instructions: list.slice(1),
      parent: null,
      shell: [...POSIX_SHELL],
      workdir: null,
      user: null,
      exposes: [],
      labels: new Map(),
      entrypoint: null,
      cmd: null,
      healthcheck: null,
      onbuild: [],
    };
    this.stages.push(stage);
    for (const ins of list) this.stageOfInstruction.set(ins, stage);
    if (name !== null && !this.stagesByName.has(name)) this.stagesByName.set(name, stage);
  }

  private resolveBase(stage: Stage): void {
    const text = stage.baseText;
    const parent = this.stagesByName.get(text.toLowerCase());
    if (stage.baseRange === null) return;
    if (text.toLowerCase() === "scratch") {
      stage.base = { kind: "scratch" };
    } else if (parent) {
      stage.base = { kind: "stage", stage: parent };
      stage.parent = parent;
      const edge: StageEdge = { kind: "from", from: stage, to: parent, instruction: stage.from, range: stage.baseRange };
      this.edges.push(edge);
    } else if (text === "") {
      const written = stage.from.args[0]?.kind === "word" ? (stage.from.args[0] as Word).value : "";
      this.report(MODEL_PROBLEMS.invalidImage, `The base image expands to nothing: base name (${written}) should not be blank.`, stage.baseRange);
      stage.base = { kind: "image", text, reference: null, error: "base name should not be blank" };
    } else {
      const parsed = parseImageReference(text);
      if (!parsed.ok) {
        this.report(MODEL_PROBLEMS.invalidImage, `'${text}' is not a valid image reference: ${parsed.error}.`, stage.baseRange);
        stage.base = { kind: "image", text, reference: null, error: parsed.error };
      } else {
        stage.base = { kind: "image", text, reference: parsed.reference, error: null };
      }
    }
  }

  // ---- edges ----

  private collectEdges(stage: Stage): void {
    for (const ins of stage.instructions) {
      const target = ins.trigger ? null : ins; // ONBUILD triggers refer to the downstream build's stages
      if (!target) continue;
      if (ins.name === "COPY" || ins.name === "ADD") {
        for (const flag of ins.flags) if (flag.name === "from" && flag.value !== null) this.edgeFor(stage, ins, flag, flag.value, "copy-from");
      } else if (ins.name === "RUN") {
        for (const flag of ins.flags) {
          if (flag.name !== "mount" || flag.value === null) continue;
          const from = readMountFields(flag.value).find((f) => f.key === "from" && f.value);
          if (from) this.edgeFor(stage, ins, flag, from.value!, "mount-from");
        }
      }
    }
  }

  private edgeFor(stage: Stage, ins: Instruction, flag: Flag, value: string, kind: StageEdge["kind"]): void {
    const range = flag.valueRange ?? flag.range;
    let to: Stage | undefined;
    if (/^\d+$/.test(value)) {
      to = this.stages[Number(value)];
      if (!to) {
        this.report(MODEL_PROBLEMS.badStageIndex, `There is no stage ${value}: stages are numbered from 0 to ${this.stages.length - 1}.`, range);
        return;
      }
    } else {
      to = this.stagesByName.get(value.toLowerCase());
      if (!to) {
        if (value.includes("$")) return; // BuildKit rejects variables here; the linter says so
        this.report(MODEL_PROBLEMS.fromNotStage, `'${value}' names no stage, so BuildKit pulls it as an image.`, range);
        return;
      }
    }
    const edge: StageEdge = { kind, from: stage, to, instruction: ins, range };
    this.edges.push(edge);
    this.edgesByFlag.set(flag, edge);
  }

  // ---- stages, in base order ----

  private walkStage(stage: Stage): void {
    const parent = stage.parent;
    const parentVars = parent ? this.finalVariables.get(parent) : undefined;
    const vars = parentVars ? parentVars.clone() : new Variables();
    this.isEnvKnown.set(stage, parent ? (this.isEnvKnown.get(parent) ?? false) : stage.base.kind === "scratch");
    if (parent) {
      stage.shell = parent.shell;
      stage.workdir = parent.workdir;
      stage.user = parent.user;
      stage.exposes = [...parent.exposes];
      stage.labels = new Map(parent.labels);
      stage.entrypoint = parent.entrypoint;
      stage.cmd = parent.cmd;
      stage.healthcheck = parent.healthcheck;
    } else {
      // Without a SHELL, BuildKit runs shell forms with the image OS's shell: cmd /S /C on Windows.
      stage.shell = [...defaultShell(stage.base, stage.platform?.value ?? null, this.targetPlatform)];
    }
    for (const ins of stage.instructions) {
      this.scopes.set(ins, vars.scope());
      this.shells.set(ins, stage.shell);
      this.instruction(stage, ins, vars);
    }
    this.finalVariables.set(stage, vars);
  }

  private instruction(stage: Stage, ins: Instruction, vars: Variables): void {
    switch (ins.name) {
      case "ARG":
        for (const arg of ins.args) if (arg.kind === "key-value") this.stageArg(stage, ins, arg, vars);
        return;
      case "ENV": {
        const pending: Declaration[] = [];
        for (const arg of ins.args) {
          if (arg.kind !== "key-value") continue;
          this.refsInNode(ins, arg, stage, vars, { quotes: true });
          const key = this.expand(arg.key, vars.values, arg.keyRange) ?? arg.key;
          const value = arg.value === null ? null : this.expand(arg.value, vars.values, arg.valueRange ?? arg.range);
          pending.push({ name: key, kind: "env", instruction: ins, stage, nameRange: arg.keyRange, rawValue: arg.value, value, inherits: null });
        }
        // Every pair of one ENV expands against the environment from before the instruction.
        for (const d of pending) {
          this.declarations.push(d);
          vars.declare(d);
        }
        return;
      }
      case "LABEL":
        for (const arg of ins.args) {
          if (arg.kind !== "key-value") continue;
          this.refsInNode(ins, arg, stage, vars, { quotes: true });
          const key = this.expand(arg.key, vars.values, arg.keyRange) ?? arg.key;
          stage.labels.set(key, arg.value === null ? "" : (this.expand(arg.value, vars.values, arg.valueRange ?? arg.range) ?? arg.value));
        }
        return;
      case "WORKDIR": {
        const word = this.wordArgs(ins, stage, vars)[0];
        if (word) stage.workdir = resolveWorkdir(stage.workdir, this.expand(word.value, vars.values, word.range) ?? word.value);
        return;
      }
      case "USER": {
        const word = this.wordArgs(ins, stage, vars)[0];
        if (word) stage.user = this.expand(word.value, vars.values, word.range) ?? word.value;
        return;
      }
      case "EXPOSE":
        for (const word of this.wordArgs(ins, stage, vars)) {
          const r = shellLex(word.value, { escape: this.escape, env: vars.values });
          if (!r.ok) {
            this.report(MODEL_PROBLEMS.expansionError, this.expansionMessage(r.error), word.range);
            continue;
          }
          for (const text of r.words) stage.exposes.push(parseExposedPort(text, word.range));
        }
        return;
      case "VOLUME":
      case "STOPSIGNAL":
        this.wordArgs(ins, stage, vars);
        return;
      case "COPY":
      case "ADD":
        for (const flag of ins.flags) {
          if (flag.name === "chown" || flag.name === "chmod" || flag.name === "checksum") {
            this.refsInNode(ins, flag, stage, vars, { quotes: false, skipPrefix: flag.name.length + 3 });
          }
        }
        this.wordArgs(ins, stage, vars);
        for (const h of ins.heredocs) {
          if (!h.expand) continue;
          const refs = findVariableReferences(h.content, { escape: "\\", quotes: false });
          const base = h.bodyRange.start.offset;
          for (const r of refs) this.addReference(ins, stage, vars, r, (o) => base + o);
        }
        return;
      case "RUN":
        for (const flag of ins.flags) if (flag.name === "mount") this.refsInNode(ins, flag, stage, vars, { quotes: false, skipPrefix: "--mount=".length });
        return;
      case "SHELL":
        if (ins.form === "json" && ins.args[0]?.kind === "json-array") stage.shell = ins.args[0].elements.map((e) => e.value);
        return;
      case "CMD":
        stage.cmd = ins;
        return;
      case "ENTRYPOINT":
        stage.entrypoint = ins;
        return;
      case "HEALTHCHECK":
        stage.healthcheck = ins;
        return;
      case "ONBUILD":
        stage.onbuild.push(ins);
        return;
    }
  }

  private stageArg(stage: Stage, ins: Instruction, arg: KeyValue, vars: Variables): void {
    this.refsInArgDefault(ins, arg, stage, vars);
    const global = this.global.args.get(arg.key) ?? this.global.lookup(arg.key);
    let value: string | null;
    if (this.buildArgs.has(arg.key)) value = this.buildArgs.get(arg.key)!;
    else if (arg.value !== null) value = this.expand(arg.value, vars.values, arg.valueRange ?? arg.range);
    else value = global?.value ?? null; // `ARG NAME` takes the global default, or the automatic value
    const decl: Declaration = {
      name: arg.key,
      kind: "arg",
      instruction: ins,
      stage,
      nameRange: arg.keyRange,
      rawValue: arg.value,
      value,
      inherits: arg.value === null ? (global ?? null) : null,
    };
    this.declarations.push(decl);
    vars.declare(decl);
  }

  // ---- references ----

  private wordArgs(ins: Instruction, stage: Stage, vars: Variables): Word[] {
    const words: Word[] = [];
    for (const arg of ins.args) {
      if (arg.kind === "word") {
        this.refsInNode(ins, arg, stage, vars, { quotes: true });
        words.push(arg);
      } else if (arg.kind === "json-array") {
        for (const e of arg.elements) {
          const raw = this.tree.text.slice(e.range.start.offset + 1, e.range.end.offset - 1);
          const refs = findVariableReferences(e.value, { escape: this.escape, quotes: true });
          const exact = raw === e.value;
          const base = e.range.start.offset + 1;
          for (const r of refs) this.addReference(ins, stage, vars, r, exact ? (o) => base + o : null, e.range);
        }
      }
    }
    return words;
  }

  private refsInArgDefault(ins: Instruction, arg: KeyValue, stage: Stage | null, vars: Variables): void {
    if (arg.value === null) return;
    const runs = valueRuns(arg);
    const text = runs.map(([, s, n]) => this.tree.text.slice(s, s + n)).join("");
    const eq = text.indexOf("=");
    for (const r of findVariableReferences(text, { escape: this.escape, quotes: true })) {
      if (r.start <= eq) continue;
      if (r.name === arg.key && !vars.lookup(arg.key) && !this.buildArgs.has(arg.key)) {
        this.report(MODEL_PROBLEMS.selfReferencingArg, `ARG '${arg.key}' refers to itself; it expands to an empty string.`, arg.range);
      }
      this.addReference(ins, stage, vars, r, (o) => sourceOffset(runs, o), undefined, runs);
    }
  }

  private refsInNode(
    ins: Instruction,
    node: SyntaxNode,
    stage: Stage | null,
    vars: Variables,
    o: { quotes: boolean; skipPrefix?: number },
  ): void {
    const runs = valueRuns(node);
    let text = "";
    for (const [, s, n] of runs) text += this.tree.text.slice(s, s + n);
    if (!text.includes("$")) return;
    const escape = o.skipPrefix ? "\\" : this.escape; // flag values were unescaped with `\` by the parser
    for (const r of findVariableReferences(text, { escape, quotes: o.quotes })) {
      if (o.skipPrefix && r.start < o.skipPrefix) continue;
      this.addReference(ins, stage, vars, r, (x) => sourceOffset(runs, x), undefined, runs);
    }
  }

  private addReference(
    ins: Instruction,
    stage: Stage | null,
    vars: Variables,
    r: FoundReference,
    toSource: ((valueOffset: number) => number) | null,
    fallback?: Range,
    runs?: ReturnType<typeof valueRuns>,
  ): void {
    const span = (a: number, b: number): Range => {
      if (!toSource) return fallback!;
      const start = toSource(a);
      const end = runs ? sourceOffset(runs, b, true) : toSource(b);
      return this.index.range(start, Math.max(start, end));
    };
    const declaration = vars.lookup(r.name);
    this.references.push({
      name: r.name,
      range: span(r.start, r.end),
      nameRange: span(r.nameStart, r.nameEnd),
      instruction: ins,
      stage,
      declaration,
      operator: r.operator,
      isCertainlyUndefined: declaration === null && (stage === null || this.isEnvKnown.get(stage) === true),
    });
  }

  // ---- expansion ----

  private expand(word: string, values: ReadonlyMap<string, string>, range: Range): string | null {
    if (!word.includes("$") && !word.includes("'") && !word.includes('"') && !word.includes(this.escape)) return word;
    const r = shellLex(word, { escape: this.escape, env: values });
    if (r.ok) return r.word;
    this.report(MODEL_PROBLEMS.expansionError, this.expansionMessage(r.error), range);
    return null;
  }

  private expansionMessage(error: string): string {
    return `BuildKit cannot expand this: ${error}.`;
  }
}

// What a Dockerfile means, as BuildKit would build it: stages and their graph, the ARG and ENV
// values each instruction sees, every variable reference resolved, and each stage's image settings.
// A pure function of the syntax tree (see analyze.ts); rules and editors read it, never recompute it.
import type { Diagnostic, Dockerfile, Flag, Instruction, Range } from "../syntax/tree.js";
import type { ImageReference } from "./image-reference.js";

export interface AnalyzeOptions {
  /** `--build-arg` values. */
  buildArgs?: Readonly<Record<string, string>>;
  /** The stage to build (`--target`); the last stage when absent. */
  target?: string;
  /** The target platform, `os/arch[/variant]`; defaults to the build platform. */
  platform?: string;
  /** The platform of the builder; defaults to linux/amd64 (the model reads no machine state). */
  buildPlatform?: string;
}

export type DeclarationKind =
  | "global-arg" // ARG before the first FROM
  | "arg" // ARG inside a stage
  | "env" // ENV inside a stage
  | "automatic" // BuildKit's platform args (TARGETPLATFORM, ...) and other predefined args
  | "build-arg"; // a --build-arg given without any ARG naming it

/** A variable a Dockerfile (or BuildKit) declares. */
export interface Declaration {
  name: string;
  kind: DeclarationKind;
  /** The declaring instruction; null for automatic args and bare build args. */
  instruction: Instruction | null;
  /** The stage it belongs to; null for global, automatic and build args. */
  stage: Stage | null;
  /** Where the name is written; null for automatic args and bare build args. */
  nameRange: Range | null;
  /** The default or value as written (quotes and `$` kept); null for `ARG x`. */
  rawValue: string | null;
  /** The value in effect after the declaration, when known; null when unset or not knowable. */
  value: string | null;
  /** For a stage ARG that names a global ARG (or an automatic one): the one it takes its value from. */
  inherits: Declaration | null;
}

/** One `$NAME` or `${NAME...}` that BuildKit expands. */
export interface VariableReference {
  name: string;
  /** The whole reference, `${NAME:-x}` and all. */
  range: Range;
  nameRange: Range;
  instruction: Instruction;
  stage: Stage | null;
  /** The declaration it reads, or null when nothing defines it there. */
  declaration: Declaration | null;
  /** `${V:-w}`-style operator, or null for a plain `$V` / `${V}`. */
  operator: string | null;
  /** False when the stage's base image is from a registry, whose own environment may define the name. */
  isCertainlyUndefined: boolean;
}

export type StageBase =
  | { kind: "scratch" }
  | { kind: "stage"; stage: Stage }
  /** An image from a registry. `reference` is null when the expanded text is not a valid reference. */
  | { kind: "image"; text: string; reference: ImageReference | null; error: string | null };

export interface StagePlatform {
  /** The flag as written. */
  raw: string;
  /** Expanded with the global args, when that succeeds. */
  value: string | null;
  range: Range;
}

export interface ExposedPort {
  /** As written, after expansion: `80`, `8000-8010`, `53/udp`. */
  text: string;
  start: number | null;
  end: number | null;
  protocol: string;
  range: Range;
}

export interface Stage {
  index: number;
  /** Lower-cased as BuildKit stores stage names; null without `AS`. */
  name: string | null;
  /** The name as written. */
  nameAsWritten: string | null;
  nameRange: Range | null;
  from: Instruction;
  /** The image text as written in FROM, and expanded with the global args. */
  baseText: string;
  baseRange: Range | null;
  base: StageBase;
  platform: StagePlatform | null;
  /** The stage's instructions after FROM, in order. */
  instructions: Instruction[];
  /** The stage this one is built on (FROM <stage>), directly. */
  parent: Stage | null;
  /** SHELL in effect at the end of the stage (inherited through FROM <stage>); without one, `/bin/sh -c`, or `cmd /S /C` on a Windows image. */
  shell: string[];
  /** WORKDIR at the end of the stage, resolved to an absolute path; null when never set. */
  workdir: string | null;
  user: string | null;
  exposes: ExposedPort[];
  labels: Map<string, string>;
  entrypoint: Instruction | null;
  cmd: Instruction | null;
  healthcheck: Instruction | null;
  onbuild: Instruction[];
}

export type StageEdgeKind = "from" | "copy-from" | "mount-from";

export interface StageEdge {
  kind: StageEdgeKind;
  from: Stage;
  /** The stage it needs. */
  to: Stage;
  instruction: Instruction;
  /** The flag or word that names the stage. */
  range: Range;
}

/** What an instruction sees: variables by name. */
export interface Scope {
  get(name: string): Declaration | undefined;
  /** Every visible variable with its value (null when unknown or unset). */
  entries(): Array<[string, Declaration]>;
}

export interface Model {
  tree: Dockerfile;
  globalArgs: Declaration[];
  stages: Stage[];
  /** Stage by lower-cased name. */
  stagesByName: ReadonlyMap<string, Stage>;
  /** The stage that would be built: options.target, or the last stage. */
  target: Stage | null;
  edges: StageEdge[];
  declarations: Declaration[];
  references: VariableReference[];
  /** The stage an instruction belongs to (null for global ARGs and instructions before the first FROM). */
  stageOf(instruction: Instruction): Stage | null;
  /** The variables an instruction sees when BuildKit expands it. */
  scopeAt(instruction: Instruction): Scope;
  /** The SHELL in force at an instruction (a later SHELL in the stage does not count); see Stage.shell. */
  shellAt(instruction: Instruction): readonly string[];
  /** The stages a target needs, the target included, in dependency order. */
  stagesNeededBy(target: Stage): Stage[];
  /** Stages the target does not need. */
  unreachableStages: Stage[];
  /** The `--from` flag of COPY/ADD, or the `from=` of a RUN mount, that names a stage. */
  edgeAt(flag: Flag): StageEdge | undefined;
  diagnostics: Diagnostic[];
}

// `dflint context`: what `dflint build` would send, without an engine. On a terminal a tree of the
// largest entries with sizes and the largest folders; with --json, every file and symlink.
import { resolve } from "node:path";
import { contextSources } from "../build/context-sources.js";
import { planContext } from "../build/context-plan.js";
import { walkContext } from "../build/context-walk.js";
import { humanSize } from "../build/human-size.js";
import { analyze } from "../model/analyze.js";
import { parse } from "../syntax/parse.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { answerUsage, oneOf, readOptions, text, type OptionTable, type Refusal } from "./read-options.js";
import { CONTEXT_HELP } from "./usage.js";

interface ContextArgs {
  context: string;
  file?: string;
  json: boolean;
  mode: "full" | "minimal";
  buildArgs: Record<string, string>;
  target?: string;
}

const CONTEXT_OPTIONS = {
  "--file": { short: "-f", value: text },
  "--json": {},
  "--context-mode": { value: oneOf(["full", "minimal"], "--context-mode takes full or minimal") },
  "--build-arg": { value: text, repeat: true },
  "--target": { value: text },
} as const satisfies OptionTable;

function parseContextArgs(argv: readonly string[], env: NodeJS.ProcessEnv): { ok: true; args: ContextArgs } | Refusal | { help: true } {
  const read = readOptions(argv, CONTEXT_OPTIONS);
  if ("help" in read || !read.ok) return read;
  const { options: o, operands } = read;
  if (operands.length > 1) return { ok: false, error: `one build context, not ${operands.length}` };
  const buildArgs: Record<string, string> = {};
  for (const arg of o["--build-arg"] ?? []) {
    const e = arg.indexOf("=");
    const v = e < 0 ? env[arg] : arg.slice(e + 1);
    if (v !== undefined) buildArgs[e < 0 ? arg : arg.slice(0, e)] = v;
  }
  return { ok: true, args: { context: operands[0] ?? ".", file: o["--file"], json: o["--json"] ?? false, mode: o["--context-mode"] ?? "full", buildArgs, target: o["--target"] } };
}

interface Dir {
  size: number;
  files: number;
  children: Map<string, Dir | number>;
}

function renderTree(root: Dir, io: CliIo): void {
  const lines: string[] = [];
  const walk = (dir: Dir, indent: string, depth: number) => {
    const entries = [...dir.children.entries()].sort((a, b) => sizeOf(b[1]) - sizeOf(a[1]));
    const shown = entries.slice(0, 8);
    for (const [name, child] of shown) {
      if (typeof child === "number") lines.push(`${indent}${name}  ${humanSize(child)}`);
      else {
        lines.push(`${indent}${name}/  ${humanSize(child.size)} in ${child.files} file${child.files === 1 ? "" : "s"}`);
        if (depth < 2) walk(child, indent + "  ", depth + 1);
      }
    }
    if (entries.length > shown.length) {
      const rest = entries.slice(shown.length).reduce((n, [, c]) => n + sizeOf(c), 0);
      lines.push(`${indent}… ${entries.length - shown.length} more  ${humanSize(rest)}`);
    }
  };
  walk(root, "  ", 0);
  io.out(lines.join("\n") + "\n");
}

const sizeOf = (n: Dir | number) => (typeof n === "number" ? n : n.size);

export async function contextCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseContextArgs(argv, env);
  if ("help" in parsed || !parsed.ok) return answerUsage(parsed, io, "context", CONTEXT_HELP);
  const args = parsed.args;
  let stdin: Uint8Array | null = null;
  if (args.file === "-") {
    const read = await readInput("-");
    if (!read.ok) {
      io.err(`dflint: ${read.error}\n`);
      return 2;
    }
    stdin = read.bytes;
  }
  const planned = await planContext({
    context: resolve(args.context),
    dockerfile: stdin ? { kind: "text", text: stdin } : args.file ? { kind: "path", path: args.file } : { kind: "default" },
    decide: (bytes) => {
      if (args.mode !== "minimal") return {};
      const model = analyze(parse(bytes).tree, { buildArgs: args.buildArgs, ...(args.target ? { target: args.target } : {}) });
      return { sources: contextSources(model) };
    },
  });
  if (!planned.ok) {
    io.err(`dflint: ${planned.error}\n`);
    return 2;
  }
  const plan = planned.plan;
  if (plan.minimal && "fallback" in plan.minimal) io.err(`dflint: the full context would be sent: ${plan.minimal.fallback}\n`);

  const files: Array<{ path: string; size: number }> = [];
  const root: Dir = { size: 0, files: 0, children: new Map() };
  const largest = new Map<string, number>();
  let total = 0;
  const add = (path: string, size: number) => {
    files.push({ path, size });
    total += size;
    const parts = path.split("/");
    let dir = root;
    dir.size += size;
    dir.files++;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = dir.children.get(parts[i]!);
      if (typeof next !== "object") dir.children.set(parts[i]!, (next = { size: 0, files: 0, children: new Map() }));
      next.size += size;
      next.files++;
      const key = parts.slice(0, i + 1).join("/");
      largest.set(key, (largest.get(key) ?? 0) + size);
      dir = next;
    }
    dir.children.set(parts[parts.length - 1]!, size);
  };
  for await (const item of walkContext(plan.root, plan.walk)) {
    if (item.kind === "error") {
      io.err(`dflint: cannot send ${item.path}: ${item.message}\n`);
      return 2;
    }
    if (item.kind === "skipped") {
      io.err(`dflint: note: ${item.path} is ${item.why}; it is not sent\n`);
      continue;
    }
    const { entry } = item;
    if (entry.type === "directory" || plan.pack.replaced?.has(entry.path)) continue;
    add(entry.path, entry.stats.size);
  }
  for (const extra of plan.pack.extras ?? []) add(extra.path, extra.content.byteLength);

  if (args.json) {
    io.out(JSON.stringify({ files, totalBytes: total }) + "\n");
    return 0;
  }
  const mode = plan.minimal && "roots" in plan.minimal ? "minimal" : "full";
  io.out(`${plan.root} (${mode} context): ${files.length} file${files.length === 1 ? "" : "s"}, ${humanSize(total)}${plan.ignoreFile ? `, after ${plan.ignoreFile}` : ""}\n`);
  renderTree(root, io);
  const top = [...largest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  if (top.length > 0) {
    io.out("Largest folders:\n");
    for (const [path, size] of top) io.out(`  ${humanSize(size).padStart(8)}  ${path}/\n`);
  }
  return 0;
}

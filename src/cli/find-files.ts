// What `dflint lint` reads: files as given, directories searched for Dockerfiles, globs expanded
// here (Node 20 has no fs.glob), and `-` for standard input. Directory walks and `**` skip
// node_modules, .git and whatever a .gitignore (in the tree, or above it up to the repository root)
// ignores; a path named outright is always taken. Only paths are collected, so any number of files
// costs no file handles.
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "./fs-async.js";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { ioReason } from "../build/io-reason.js";

export type Input = { kind: "file"; path: string } | { kind: "stdin" };

export interface FoundFiles {
  inputs: Input[];
  /** Inputs that could not be used: named files missing, globs matching nothing, unreadable directories. */
  errors: string[];
}

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

/** Whether a file name is a Dockerfile's: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile*. */
export function isDockerfileName(name: string): boolean {
  const named = name === "Dockerfile" || name.startsWith("Dockerfile.") || name.endsWith(".Dockerfile") || name.endsWith(".dockerfile") || name.startsWith("Containerfile");
  if (!named) return false;
  // The context's ignore file (Dockerfile.dockerignore) and editors' and patch tools' leftovers are not Dockerfiles.
  return !/\.dockerignore$|~$|\.(orig|rej|bak|swp|md)$/i.test(name);
}

/** Whether a path holds glob characters. */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** Expands the command line's inputs into files to lint, in order, each once. */
export async function findFiles(args: readonly string[]): Promise<FoundFiles> {
  const inputs: Input[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const ignores = new GitignoreCache();
  const add = (path: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: "file", path });
  };
  let stdin = false;
  for (const arg of args) {
    if (arg === "-") {
      if (!stdin) inputs.push({ kind: "stdin" });
      stdin = true;
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      info = await stat(arg);
    } catch (e) {
      if (!isGlob(arg)) {
        errors.push(`cannot read ${arg}: ${ioReason(e)}`);
        continue;
      }
    }
    if (info?.isDirectory()) {
      const before = inputs.length;
      await walk(arg, ignores, (p) => (isDockerfileName(basename(p)) ? add(p) : undefined), errors);
      if (inputs.length === before) errors.push(`no Dockerfiles found in ${arg} (looked for Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile*)`);
    } else if (info) {
      add(arg);
    } else {
      const before = inputs.length;
      await expandGlob(arg, ignores, add, errors);
      if (inputs.length === before) errors.push(`no files match ${arg}`);
    }
  }
  return { inputs, errors };
}

async function entries(dir: string, errors: string[]): Promise<Dirent[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    errors.push(`cannot read directory ${dir}: ${ioReason(e)}`);
    return [];
  }
}

/** What a directory entry is, following a symbolic link to a file but never to a directory (no cycles). */
async function typeOf(dir: string, d: Dirent): Promise<"file" | "dir" | null> {
  if (d.isDirectory()) return "dir";
  if (d.isFile()) return "file";
  if (d.isSymbolicLink()) {
    try {
      return (await stat(join(dir, d.name))).isFile() ? "file" : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Every file under `dir` that the walk does not skip, in name order, depth first. */
async function walk(dir: string, ignores: GitignoreCache, onFile: (path: string) => void, errors: string[]): Promise<void> {
  const rules = await ignores.rulesFor(dir);
  for (const d of await entries(dir, errors)) {
    const path = join(dir, d.name);
    const type = await typeOf(dir, d);
    if (type === "dir") {
      if (SKIPPED_DIRS.has(d.name) || rules.ignores(resolve(path), true)) continue;
      await walk(path, ignores, onFile, errors);
    } else if (type === "file" && !rules.ignores(resolve(path), false)) {
      onFile(path);
    }
  }
}

/** Expands `*`, `?`, `[...]` within a path segment and `**` across segments, as a shell with globstar does. */
async function expandGlob(pattern: string, ignores: GitignoreCache, onFile: (path: string) => void, errors: string[]): Promise<void> {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s, i) => s !== "" && !(s === "." && i > 0));
  // The leading segments without wildcards are where the walk starts.
  let i = 0;
  let base = absolute ? "/" : "";
  while (i < segments.length - 1 && !isGlob(segments[i]!)) base = join(base, segments[i++]!);
  const found: string[] = [];
  const dirErrors: string[] = [];
  await expandFrom(base, segments.slice(i), ignores, (p) => found.push(p), dirErrors);
  for (const p of [...new Set(found)]) onFile(p);
  // A directory that could not be read only matters when nothing else matched.
  if (found.length === 0) errors.push(...dirErrors.slice(0, 1));
}

async function expandFrom(dir: string, rest: readonly string[], ignores: GitignoreCache, onFile: (path: string) => void, errors: string[]): Promise<void> {
  const [head, ...tail] = rest;
  if (head === undefined) return;
  const at = dir === "" ? "." : dir;
  if (head === "**") {
    // Zero directories, then each directory below (skipping what a walk skips).
    if (tail.length === 0) {
      await walk(at, ignores, onFile, errors);
      return;
    }
    await expandFrom(dir, tail, ignores, onFile, errors);
    const rules = await ignores.rulesFor(at);
    for (const d of await entries(at, errors)) {
      if (d.name.startsWith(".") || SKIPPED_DIRS.has(d.name) || (await typeOf(at, d)) !== "dir") continue;
      const path = join(dir, d.name);
      if (rules.ignores(resolve(path), true)) continue;
      await expandFrom(path, rest, ignores, onFile, errors);
    }
    return;
  }
  if (!isGlob(head)) {
    const path = join(dir, head);
    if (tail.length > 0) return expandFrom(path, tail, ignores, onFile, errors);
    try {
      if ((await stat(path)).isFile()) onFile(path);
    } catch {
      // a literal last segment that does not exist matches nothing
    }
    return;
  }
  const re = segmentRegExp(head);
  for (const d of await entries(at, errors)) {
    // As in a shell, a wildcard does not match a leading dot unless the pattern starts with one.
    if (d.name.startsWith(".") && !head.startsWith(".")) continue;
    if (!re.test(d.name)) continue;
    const path = join(dir, d.name);
    const type = await typeOf(at, d);
    if (tail.length === 0) {
      if (type === "file") onFile(path);
    } else if (type === "dir") {
      await expandFrom(path, tail, ignores, onFile, errors);
    }
  }
}

/** One path segment's glob (`*`, `?`, `[abc]`, `[!a-z]`) as an anchored regular expression. */
export function segmentRegExp(glob: string): RegExp {
  return new RegExp("^" + globBody(glob, false) + "$");
}

// The regular expression for a glob; with `slashes`, `**` spans directories (gitignore patterns).
function globBody(glob: string, slashes: boolean): string {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (slashes && glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/";
        const atEnd = i + 2 === glob.length || glob[i + 2] === "/";
        if (atStart && atEnd) {
          if (i + 2 === glob.length) re += ".*"; // trailing `/**`: everything inside
          else {
            re += "(?:.*/)?"; // `**/`: zero or more directories
            i++;
          }
          i++;
          continue;
        }
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let body = glob.slice(i + 1, close);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        re += `[${negate ? "^" : ""}${body.replace(/\\/g, "\\\\").replace(/\]/g, "\\]")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) re += escape(glob[++i]!);
    else re += escape(c);
  }
  return re;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? "\\" + c : c;
}

interface IgnoreRule {
  /** Absolute directory of the .gitignore the rule comes from. */
  base: string;
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/** The .gitignore rules in force in one directory: its own and its ancestors' up to the repository root. */
export class IgnoreRules {
  constructor(readonly rules: readonly IgnoreRule[]) {}

  /** Whether git would ignore an absolute path; the last matching rule decides. */
  ignores(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      const rel = relative(r.base, path);
      if (rel === "" || rel.startsWith("..")) continue;
      if (r.re.test(rel.split(sep).join("/"))) ignored = !r.negate;
    }
    return ignored;
  }
}

/** Reads .gitignore files once per directory. */
export class GitignoreCache {
  private readonly byDir = new Map<string, Promise<IgnoreRules>>();

  rulesFor(dir: string): Promise<IgnoreRules> {
    const abs = resolve(dir);
    let rules = this.byDir.get(abs);
    if (!rules) {
      rules = this.load(abs);
      this.byDir.set(abs, rules);
    }
    return rules;
  }

  private async load(dir: string): Promise<IgnoreRules> {
    let inherited: readonly IgnoreRule[] = [];
    const parent = dirname(dir);
    // Rules of directories above apply up to the repository root (the directory holding .git).
    if (parent !== dir && !(await exists(join(dir, ".git")))) inherited = (await this.rulesFor(parent)).rules;
    let own: IgnoreRule[] = [];
    try {
      own = parseGitignore(await readFile(join(dir, ".gitignore"), "utf8"), dir);
    } catch {
      // no .gitignore here, or unreadable: nothing more is ignored
    }
    return new IgnoreRules(own.length ? [...inherited, ...own] : inherited);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A .gitignore's rules, as git reads them (a simple matcher: no per-directory negation subtleties). */
export function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line.startsWith("#")) continue;
    line = line.replace(/(?<!\\)\s+$/, "");
    if (!line) continue;
    let negate = false;
    if (line.startsWith("!")) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith("\\!") || line.startsWith("\\#")) line = line.slice(1);
    let dirOnly = false;
    if (line.endsWith("/")) {
      dirOnly = true;
      line = line.replace(/\/+$/, "");
    }
    if (!line) continue;
    // A slash at the start or in the middle anchors the pattern to the .gitignore's directory;
    // otherwise it matches a name at any depth.
    const anchored = line.includes("/");
    const glob = line.replace(/^\/+/, "");
    const body = (anchored ? "" : "(?:.*/)?") + globBody(glob, true);
    // A pattern naming a directory also covers everything inside it.
    rules.push({ base, re: new RegExp(`^${body}(?:/.*)?$`), negate, dirOnly });
  }
  return rules;
}

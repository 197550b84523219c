// The formatter's indentation from `.editorconfig` (https://spec.editorconfig.org): the files from the
// Dockerfile's directory up to the one saying `root = true`, nearer files and later sections winning;
// `indent_style = tab` means a tab a level, `indent_size = N` (with `indent_style = space`, or alone)
// N spaces. Files that cannot be read are skipped, as editors skip them.
import { readFile } from "./fs-async.js";
import { dirname, join, relative, resolve, sep } from "node:path";
import { isIndentWidth } from "../format/format-options.js";

interface Section {
  pattern: RegExp;
  properties: Map<string, string>;
}

interface EditorconfigFile {
  dir: string;
  isRoot: boolean;
  sections: Section[];
}

/** Reads `.editorconfig` files, each once. */
export class EditorconfigReader {
  private readonly files = new Map<string, Promise<EditorconfigFile | null>>();

  /** The indentation `.editorconfig` gives a file: spaces, `tab`, or undefined when it says nothing. */
  async indentFor(path: string): Promise<number | "tab" | undefined> {
    const absolute = resolve(path);
    const chain: EditorconfigFile[] = [];
    for (let dir = dirname(absolute); ; dir = dirname(dir)) {
      const file = await this.load(dir);
      if (file) chain.unshift(file);
      if (file?.isRoot || dirname(dir) === dir) break;
    }
    const properties = new Map<string, string>();
    for (const file of chain) {
      const name = relative(file.dir, absolute).split(sep).join("/");
      for (const section of file.sections) {
        if (section.pattern.test(name)) for (const [k, v] of section.properties) properties.set(k, v);
      }
    }
    return indentOf(properties);
  }

  private load(dir: string): Promise<EditorconfigFile | null> {
    let file = this.files.get(dir);
    if (!file) {
      file = readFile(join(dir, ".editorconfig"), "utf8").then(
        (text) => parseEditorconfig(text, dir),
        () => null,
      );
      this.files.set(dir, file);
    }
    return file;
  }
}

function indentOf(properties: Map<string, string>): number | "tab" | undefined {
  const style = properties.get("indent_style");
  if (style === "tab") return "tab";
  const size = properties.get("indent_size");
  const width = size === "tab" ? properties.get("tab_width") : size;
  const n = width !== undefined && /^\d+$/.test(width) ? Number(width) : undefined;
  if (style !== undefined && style !== "space") return undefined; // unset, or a value editors do not know
  return isIndentWidth(n) ? n : undefined;
}

/** Parses an `.editorconfig` file found in `dir`. */
export function parseEditorconfig(text: string, dir: string): EditorconfigFile {
  const file: EditorconfigFile = { dir, isRoot: false, sections: [] };
  let section: Section | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = { pattern: globPattern(header[1]!), properties: new Map() };
      file.sections.push(section);
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    const value = line.slice(eq + 1).trim().toLowerCase();
    if (section) section.properties.set(key, value);
    else if (key === "root") file.isRoot = value === "true";
  }
  return file;
}

/**
 * An EditorConfig glob as a regular expression over a path relative to the file's directory: `*` (not
 * `/`), `**`, `?`, `[abc]`, `[!abc]`, `{a,b}`, `{1..3}` and `\` escapes. A glob without `/` matches the
 * file name in any directory.
 */
export function globPattern(glob: string): RegExp {
  const anchored = glob.includes("/");
  const body = translate(glob.startsWith("/") ? glob.slice(1) : glob);
  return new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
}

function translate(glob: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]!);
    } else if (c === "*") {
      if (glob[i + 1] === "*") {
        out += ".*";
        i++;
      } else out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        const set = glob.slice(i + 1, end);
        out += set.startsWith("!") ? `[^/${escapeSet(set.slice(1))}]` : `[${escapeSet(set)}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = matchingBrace(glob, i);
      const range = end > 0 ? /^\{(-?\d+)\.\.(-?\d+)\}$/.exec(glob.slice(i, end + 1)) : null;
      if (range) {
        const [lo, hi] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [number, number];
        const numbers = hi - lo <= 1000 ? Array.from({ length: hi - lo + 1 }, (_, k) => String(lo + k)) : [];
        out += `(?:${numbers.join("|") || "(?!)"})`;
        i = end;
      } else if (end > 0 && glob.slice(i + 1, end).includes(",")) {
        out += "(?:";
        depth++;
      } else out += "\\{";
    } else if (c === "}" && depth > 0) {
      out += ")";
      depth--;
    } else if (c === "," && depth > 0) {
      out += "|";
    } else out += escapeRegex(c);
  }
  return out + ")".repeat(depth);
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "{") depth++;
    else if (glob[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const escapeSet = (s: string) => s.replace(/[\\\]^]/g, "\\$&");

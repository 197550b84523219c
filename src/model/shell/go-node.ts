// Reading mvdan/sh's syntax tree as the Go values GopherJS made of it. The package's JS API wraps every node,
// position and slice in a fresh object on each access; walking the corpus that way took 25 times as long as
// parsing it. The layout read here is GopherJS's (fields as properties, slices as {$array, $offset, $length},
// nil as a per-type sentinel, strings as UTF-8 bytes); mvdan-sh is frozen at 0.10.1 (deprecated upstream in
// favour of sh-syntax), so the layout cannot move under us, and the tests walk every corpus script through it.
import type { GoValue } from "mvdan-sh";

/** The syntax node type without package: `CallExpr`, `Word`; undefined for nil or a non-node. */
export function goType(v: unknown): string | undefined {
  if (v === null || typeof v !== "object") return undefined;
  const t = (v as GoValue).constructor.string;
  if (t === undefined || v === (v as GoValue).constructor.nil || !t.startsWith("*syntax.")) return undefined;
  return t.slice(8);
}

/** The elements of a Go slice. */
export function goSlice(v: unknown): GoValue[] {
  const s = v as { $array: GoValue[]; $offset: number; $length: number } | null;
  if (!s || !s.$array) return [];
  return s.$offset === 0 && s.$length === s.$array.length ? s.$array : s.$array.slice(s.$offset, s.$offset + s.$length);
}

/** A field holding a node, or null when it is nil. */
export function goField(node: GoValue, field: string): GoValue | null {
  const v = node[field];
  return goType(v) === undefined ? null : (v as GoValue);
}

/** The byte offsets where a node starts and ends in the script. */
export function goSpan(node: GoValue): [number, number] {
  const n = node as unknown as { Pos(): { Offset(): number }; End(): { Offset(): number } };
  return [n.Pos().Offset(), n.End().Offset()];
}

const decoder = new TextDecoder();

/** A Go string (UTF-8 bytes, one per char) as a JS string. */
export function goString(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return decoder.decode(bytes);
}

// Fields that hold no nodes worth visiting: comments, and the positions every node carries.
const SKIP = new Set(["$val", "Comments", "Last"]);

// The field names of each Go struct type: its own properties (for-in would also walk the many methods
// GopherJS puts on the prototype, which made walking cost more than parsing).
const fieldsByType = new Map<unknown, string[]>();

function fieldsOf(node: GoValue): string[] {
  let fields = fieldsByType.get(node.constructor);
  if (!fields) fieldsByType.set(node.constructor, (fields = Object.keys(node).filter((k) => !SKIP.has(k))));
  return fields;
}

/** Calls fn on every node under a node (itself included) with its type, parents before children. */
export function walkNodes(node: GoValue, fn: (node: GoValue, type: string) => void): void {
  fn(node, node.constructor.string!.slice(8));
  for (const key of fieldsOf(node)) {
    const v = node[key];
    if (v === null || typeof v !== "object") continue;
    const t = (v as GoValue).constructor.string;
    if (t === undefined || t === "*syntax.Pos") continue;
    // Slices of nodes, []*syntax.Word or of an interface such as []syntax.WordPart, whose elements are pointers.
    if (t.startsWith("[]")) {
      for (const e of goSlice(v)) if (goType(e) !== undefined) walkNodes(e, fn);
    } else if (v !== (v as GoValue).constructor.nil && t.startsWith("*syntax.")) walkNodes(v as GoValue, fn);
  }
}

/** Calls fn on every statement (`*syntax.Stmt`) under a node, parents before children. */
export function walkStatements(node: GoValue, fn: (stmt: GoValue) => void): void {
  walkNodes(node, (n, type) => {
    if (type === "Stmt") fn(n);
  });
}

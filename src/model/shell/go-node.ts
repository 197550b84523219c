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

// What the walk needs to know of a GopherJS type, worked out once per constructor: walking a long script meets
// the same few dozen types tens of thousands of times, and string tests on each value cost more than the parse.
interface GoTypeInfo {
  /** `node`: a *syntax struct pointer (nil excluded at the value); `slice`: a Go slice; `other`: neither. */
  kind: "node" | "slice" | "other";
  /** The syntax type without package, for nodes. */
  name: string;
  /**
   * For nodes, the names of the fields that may hold nodes: its own properties (for-in would also walk the many
   * methods GopherJS puts on the prototype) that hold objects.
   */
  fields: string[] | null;
}

const typeInfo = new Map<unknown, GoTypeInfo>();

function infoOf(value: GoValue): GoTypeInfo {
  const ctor = value.constructor;
  let info = typeInfo.get(ctor);
  if (!info) {
    const t = ctor.string;
    if (t !== undefined && t.startsWith("*syntax.") && t !== "*syntax.Pos") info = { kind: "node", name: t.slice(8), fields: null };
    else if (t !== undefined && t.startsWith("[]")) info = { kind: "slice", name: "", fields: null };
    else info = { kind: "other", name: "", fields: null };
    typeInfo.set(ctor, info);
  }
  // Go fields have static types: one that holds a number, string or bool here holds one in every value of the type.
  if (info.kind === "node" && info.fields === null && value !== ctor.nil) {
    info.fields = Object.keys(value).filter((k) => !SKIP.has(k) && (value[k] === null || typeof value[k] === "object"));
  }
  return info;
}

/** Calls fn on every node under a node (itself included) with its type, parents before children. */
export function walkNodes(node: GoValue, fn: (node: GoValue, type: string) => void): void {
  const info = infoOf(node);
  fn(node, info.name);
  for (const key of info.fields!) {
    const v = node[key];
    if (v === null || typeof v !== "object") continue;
    const child = infoOf(v as GoValue);
    // Slices of nodes, []*syntax.Word or of an interface such as []syntax.WordPart, whose elements are pointers.
    if (child.kind === "slice") {
      for (const e of goSlice(v)) if (e !== null && typeof e === "object" && e !== e.constructor.nil && infoOf(e).kind === "node") walkNodes(e, fn);
    } else if (child.kind === "node" && v !== (v as GoValue).constructor.nil) walkNodes(v as GoValue, fn);
  }
}

/** Calls fn on every statement (`*syntax.Stmt`) under a node, parents before children. */
export function walkStatements(node: GoValue, fn: (stmt: GoValue) => void): void {
  walkNodes(node, (n, type) => {
    if (type === "Stmt") fn(n);
  });
}

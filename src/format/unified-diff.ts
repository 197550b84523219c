// A unified diff of two texts, line by line (lines keep their endings, so a CRLF file's diff has CRLF
// lines), with three lines of context, as `diff -u` prints it. Lines are matched by Myers' algorithm;
// past a few thousand differences it gives up matching and replaces the whole text.
const CONTEXT = 3;
const MAX_EDITS = 4000;

type Op = { kind: " " | "-" | "+"; line: string };

/** The unified diff from `before` to `after`, headed by the two names; "" when the texts are equal. */
export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  let out = `--- ${beforeName}\n+++ ${afterName}\n`;
  for (const hunk of hunks(ops)) out += hunk;
  return out;
}

function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// The edit script: common lines, deletions and insertions in order.
function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  return [
    ...a.slice(0, start).map((line): Op => ({ kind: " ", line })),
    ...middle,
    ...a.slice(endA).map((line): Op => ({ kind: " ", line })),
  ];
}

// Myers' O((N+M)D) shortest edit script, keeping each round's frontier to walk back.
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(n + m, MAX_EDITS) && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...a.map((line): Op => ({ kind: "-", line })), ...b.map((line): Op => ({ kind: "+", line }))];
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const isInsertion = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
    const prevK = isInsertion ? k + 1 : k - 1;
    const prevX = frontier[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: " ", line: a[--x]! }), y--;
    if (isInsertion) ops.push({ kind: "+", line: b[--y]! });
    else ops.push({ kind: "-", line: a[--x]! });
  }
  while (x > 0) ops.push({ kind: " ", line: a[--x]! });
  return ops.reverse();
}

// The hunks of an edit script, each with up to three lines of context around its changes.
function* hunks(ops: Op[]): Generator<string> {
  let i = 0;
  let lineA = 1;
  let lineB = 1;
  const advance = (op: Op) => {
    if (op.kind !== "+") lineA++;
    if (op.kind !== "-") lineB++;
  };
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      advance(ops[i++]!);
      continue;
    }
    const from = Math.max(0, i - CONTEXT);
    let startA = lineA;
    let startB = lineB;
    for (let j = from; j < i; j++) {
      startA--;
      startB--;
    }
    // Extend the hunk while changes are no more than two contexts apart.
    let end = i;
    let lastChange = i;
    while (end < ops.length && (ops[end]!.kind !== " " || end - lastChange <= 2 * CONTEXT)) {
      if (ops[end]!.kind !== " ") lastChange = end;
      end++;
    }
    end = Math.min(ops.length, lastChange + 1 + CONTEXT);
    let body = "";
    let countA = 0;
    let countB = 0;
    for (let j = from; j < end; j++) {
      const op = ops[j]!;
      if (op.kind !== "+") countA++;
      if (op.kind !== "-") countB++;
      body += op.kind + op.line + (op.line.endsWith("\n") ? "" : "\n\\ No newline at end of file\n");
      if (j >= i) advance(op);
    }
    i = end;
    yield `@@ -${range(startA, countA)} +${range(startB, countB)} @@\n${body}`;
  }
}

function range(start: number, count: number): string {
  // diff -u numbers an empty range by the line before it.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

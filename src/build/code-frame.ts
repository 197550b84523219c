// A few lines of a Dockerfile around the line an error belongs to, numbered, the line marked.

/** Lines `line-2 … line+1` (1-based `line`), with `>` before the one meant. */
export function codeFrame(text: string, line: number, context = 2): string {
  const lines = text.split(/\r\n|\n|\r/);
  const from = Math.max(1, line - context);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
  return out.join("\n");
}

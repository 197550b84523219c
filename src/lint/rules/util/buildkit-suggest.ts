// BuildKit's "did you mean" (util/suggest): the first option within Levenshtein distance 2 that beats
// every earlier one; an exact match means there is nothing to suggest.

/** Levenshtein distance with unit costs for insertion, deletion and substitution (agext/levenshtein's default). */
export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** The option BuildKit would suggest for a mistyped name, or null. */
export function suggestName(value: string, options: Iterable<string>, caseSensitive = true): string | null {
  if (value === "") return null;
  const v = caseSensitive ? value : value.toLowerCase();
  let match: string | null = null;
  let best = 3; // BuildKit suggests only within distance 2 ("same as hcl")
  for (const option of options) {
    const o = caseSensitive ? option : option.toLowerCase();
    if (o === v) return null;
    const d = levenshtein(v, o);
    if (d < best) {
      best = d;
      match = option;
    }
  }
  return match;
}

// RUN --mount values as BuildKit reads them: one CSV record (fields split on commas, a field may be
// double-quoted with "" for a quote), `key=value` or a bare key, keys without regard to case.

export interface MountField {
  /** Lower-cased. */
  key: string;
  value: string | null;
  /** Offsets of the field in the value. */
  start: number;
  end: number;
}

/** The fields of a --mount value, in order. */
export function readMountFields(value: string): MountField[] {
  const fields: MountField[] = [];
  let i = 0;
  while (i <= value.length) {
    const from = i;
    let field = "";
    if (value[i] === '"') {
      i++;
      while (i < value.length) {
        if (value[i] === '"' && value[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (value[i] === '"') {
          i++;
          break;
        } else field += value[i++];
      }
    }
    while (i < value.length && value[i] !== ",") field += value[i++];
    if (field !== "" || value.length === 0) {
      const eq = field.indexOf("=");
      fields.push({ key: (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase(), value: eq < 0 ? null : field.slice(eq + 1).trim(), start: from, end: i });
    }
    i++;
  }
  return fields;
}

/** A mount's type (`bind` when not given, as BuildKit defaults it) and target (trailing slashes removed). */
export function mountTypeAndTarget(value: string): { type: string; target: string | null } {
  let type = "bind";
  let target: string | null = null;
  for (const f of readMountFields(value)) {
    if (f.value === null) continue;
    if (f.key === "type") type = f.value.toLowerCase();
    else if (f.key === "target" || f.key === "dst" || f.key === "destination") target = f.value.replace(/\/+$/, "") || "/";
  }
  return { type, target };
}

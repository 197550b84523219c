// Sizes as docker prints them (go-units HumanSize): decimal units, four significant digits at most.
const UNITS = ["B", "kB", "MB", "GB", "TB", "PB"];

/** `4.608kB`, `512MB`. */
export function humanSize(bytes: number): string {
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(4))}${UNITS[i]}`;
}

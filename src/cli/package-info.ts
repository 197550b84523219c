// dflint's own package.json, found by walking up from this module: the path differs between the compiled
// tree (dist/src/cli/), the bundled CLI (dist/cli/) and the sources run by the tests (src/cli/).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

let found: { name: string; version: string; dir: string } | null | undefined;

/** dflint's name, version and directory, or null when no package.json of dflint's is above this module. */
export function packageInfo(): { name: string; version: string; dir: string } | null {
  if (found !== undefined) return found;
  found = null;
  for (let up = "./"; up.length < 40; up += "../") {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up + "package.json", import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "dflint" && pkg.version) return (found = { name: pkg.name, version: pkg.version, dir: fileURLToPath(new URL(up, import.meta.url)) });
    } catch {
      // not at this level
    }
  }
  return found;
}

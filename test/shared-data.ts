// ../shared (BuildKit's conformance data and the real-world corpus) sits beside the project here and
// in CI, but not in a user's clone. Tests that read it skip with one line when it is absent, and fail
// when it is absent under CI=true.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { it } from "vitest";

export const sharedDir = fileURLToPath(new URL("../../shared/", import.meta.url));
export const hasShared = existsSync(sharedDir + "conformance") && existsSync(sharedDir + "corpus");
const isCI = process.env.CI === "true";

/** Call at the top of a test file that needs ../shared: registers the CI guard and prints the skip note. */
export function needsShared(what: string): void {
  if (hasShared) return;
  if (isCI) {
    it(`finds ../shared for ${what}`, () => {
      throw new Error(`../shared is missing (looked in ${sharedDir}); CI must run ${what}`);
    });
  } else {
    console.warn(`dflint: ../shared not found, skipping ${what} (they run where ../shared is present, as in CI)`);
  }
}

/** Path of a file under ../shared. */
export function shared(path: string): string {
  return sharedDir + path;
}

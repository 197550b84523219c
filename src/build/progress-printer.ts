import type { BuildEvent } from "./build.js";

/** Shows build events as they come; `finish` once the build is over. */
export interface ProgressPrinter {
  event(e: BuildEvent): void;
  finish(): void;
}

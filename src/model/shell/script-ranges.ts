// From offsets in a script (as the shell reads it) to ranges in the Dockerfile, through the script's runs.
import type { LineIndex } from "../../syntax/line-index.js";
import type { Range } from "../../syntax/tree.js";
import { sourceOffset } from "../../syntax/value-offsets.js";
import type { ScriptSource } from "./script-source.js";

/** A function from [start, end) UTF-16 offsets in the script to the Dockerfile range they came from. */
export function scriptRanges(script: ScriptSource, index: LineIndex): (start: number, end: number) => Range {
  return (start, end) => {
    const s = sourceOffset(script.runs, start);
    return index.range(s, Math.max(s, sourceOffset(script.runs, end, end > start)));
  };
}

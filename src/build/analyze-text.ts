// The model of a Dockerfile's text, for what a build decides from it (stages to drop, the minimal
// context, a failure's line). build.ts loads this on use: a build through a BuildKit session reads
// the Dockerfile only when a failure needs a line, and starts without the parser.
import { analyze } from "../model/analyze.js";
import type { AnalyzeOptions, Model } from "../model/model.js";
import { parse } from "../syntax/parse.js";

/** Parses and analyses `text` (bytes as read, or a string). */
export function analyzeText(text: Uint8Array | string, options: AnalyzeOptions): Model {
  return analyze(parse(text).tree, options);
}

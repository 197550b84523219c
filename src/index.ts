// The dflint library.
export { parse, type ParseOptions, type ParseResult } from "./syntax/parse.js";
export { dumpFile, dumpInstruction, buildkitRecord, isParserError, type BuildkitRecord } from "./syntax/buildkit-dump.js";
export { SYNTAX_PROBLEMS, type SyntaxProblemInfo } from "./syntax/syntax-problems.js";
export { LineIndex } from "./syntax/line-index.js";
export type * from "./syntax/tree.js";
export { analyze } from "./model/analyze.js";
export { expandWord, expandWords, type Environment, type ExpandOptions } from "./model/expand.js";
export { parseImageReference, type ImageReference, type ParsedImageReference } from "./model/image-reference.js";
export { MODEL_PROBLEMS } from "./model/model-problems.js";
export type * from "./model/model.js";
export { lint, effectiveLevel, type Finding, type LintOptions, type LintResult } from "./lint/engine.js";
export { applyFixes } from "./lint/apply-fixes.js";
export { fixAll, type FixAllOptions, type FixAllResult } from "./lint/fix-all.js";
export { RULES, findRule } from "./lint/registry.js";
export { DEFAULT_SETTINGS, type LintSettings, type LabelType } from "./lint/settings.js";
export type { Rule, RuleMeta, Level, TextEdit, FixInfo, FixChange } from "./lint/rule.js";
export { build, type BuildOptions, type BuildResult, type BuildOutcome, type BuildError, type BuildEvent } from "./build/build.js";

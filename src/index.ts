// The dflint library.
export { parse, type ParseOptions, type ParseResult } from "./syntax/parse.js";
export { dumpFile, dumpInstruction, buildkitRecord, isParserError, type BuildkitRecord } from "./syntax/buildkit-dump.js";
export { SYNTAX_PROBLEMS, type SyntaxProblemInfo } from "./syntax/syntax-problems.js";
export { LineIndex } from "./syntax/line-index.js";
export type * from "./syntax/tree.js";

// nearley's compiler as a function: .ne source in, TypeScript grammar module out.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nearley = require("nearley");
const compile = require("nearley/lib/compile.js");
const generate = require("nearley/lib/generate.js");
const bootstrapped = require("nearley/lib/nearley-language-bootstrapped.js");

/** Compiles nearley grammar source to the text of a TypeScript module. */
export function compileGrammar(source) {
  const parser = new nearley.Parser(nearley.Grammar.fromCompiled(bootstrapped));
  parser.feed(source);
  if (parser.results.length === 0) throw new Error("grammar source is incomplete");
  // nearley's own meta-grammar can give several identical parses; nearleyc takes the first too.
  const compiled = compile(parser.results[0], { args: [], version: require("nearley/package.json").version });
  return "// @ts-nocheck\n" + generate(compiled, "grammar");
}

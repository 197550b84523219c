// @ts-nocheck
// Generated automatically by nearley, version 2.20.1
// http://github.com/Hardmath123/nearley
// Bypasses TS6133. Allow declared but unused functions.
// @ts-ignore
function id(d: any[]): any { return d[0]; }
declare var FROM: any;
declare var end: any;
declare var EXPOSE: any;
declare var RUN: any;
declare var CMD: any;
declare var ENTRYPOINT: any;
declare var SHELL: any;
declare var ADD: any;
declare var COPY: any;
declare var VOLUME: any;
declare var ENV: any;
declare var LABEL: any;
declare var ARG: any;
declare var MAINTAINER: any;
declare var USER: any;
declare var WORKDIR: any;
declare var STOPSIGNAL: any;
declare var HEALTHCHECK: any;
declare var ONBUILD: any;
declare var trigger: any;
declare var UNKNOWN: any;
declare var ignored: any;
declare var flag: any;
declare var word: any;
declare var pair: any;
declare var json: any;
declare var shell: any;
declare var string: any;

import { TokenStream } from "./token-stream.js";
import { shape } from "./shape.js";

const lexer = new TokenStream();
export { lexer };


function append<T>(d: [T[], T]): T[] {
  d[0].push(d[1]);
  return d[0];
}

function pairsForm(pairs: Array<{ separator: string | null }>): string {
  if (pairs.length === 0) return "none";
  return pairs.length === 1 && pairs[0]!.separator !== "=" ? "legacy-key-value" : "key-value";
}

interface NearleyToken {
  value: any;
  [key: string]: any;
};

interface NearleyLexer {
  reset: (chunk: string, info: any) => void;
  next: () => NearleyToken | undefined;
  save: () => any;
  formatError: (token: never) => string;
  has: (tokenType: string) => boolean;
};

interface NearleyRule {
  name: string;
  symbols: NearleySymbol[];
  postprocess?: (d: any[], loc?: number, reject?: {}) => any;
};

type NearleySymbol = string | { literal: any } | { test: (token: any) => boolean };

interface Grammar {
  Lexer: NearleyLexer | undefined;
  ParserRules: NearleyRule[];
  ParserStart: string;
};

const grammar: Grammar = {
  Lexer: lexer,
  ParserRules: [
    {"name": "instruction", "symbols": [(lexer.has("FROM") ? {type: "FROM"} : FROM), "flags", "words", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], "words", d[2])},
    {"name": "instruction", "symbols": [(lexer.has("EXPOSE") ? {type: "EXPOSE"} : EXPOSE), "flags", "words", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], "words", d[2])},
    {"name": "instruction", "symbols": [(lexer.has("RUN") ? {type: "RUN"} : RUN), "flags", "command", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("CMD") ? {type: "CMD"} : CMD), "flags", "command", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("ENTRYPOINT") ? {type: "ENTRYPOINT"} : ENTRYPOINT), "flags", "command", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("SHELL") ? {type: "SHELL"} : SHELL), "flags", "command", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("ADD") ? {type: "ADD"} : ADD), "flags", "list", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("COPY") ? {type: "COPY"} : COPY), "flags", "list", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("VOLUME") ? {type: "VOLUME"} : VOLUME), "flags", "list", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("ENV") ? {type: "ENV"} : ENV), "flags", "pairs", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("LABEL") ? {type: "LABEL"} : LABEL), "flags", "pairs", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("ARG") ? {type: "ARG"} : ARG), "flags", "pairList", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], d[2].length ? "key-value" : "none", d[2])},
    {"name": "instruction", "symbols": [(lexer.has("MAINTAINER") ? {type: "MAINTAINER"} : MAINTAINER), "flags", "string", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("USER") ? {type: "USER"} : USER), "flags", "string", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("WORKDIR") ? {type: "WORKDIR"} : WORKDIR), "flags", "string", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("STOPSIGNAL") ? {type: "STOPSIGNAL"} : STOPSIGNAL), "flags", "string", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], ...d[2])},
    {"name": "instruction", "symbols": [(lexer.has("HEALTHCHECK") ? {type: "HEALTHCHECK"} : HEALTHCHECK), "flags", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], "none", [])},
    {"name": "instruction", "symbols": [(lexer.has("HEALTHCHECK") ? {type: "HEALTHCHECK"} : HEALTHCHECK), "flags", "word", "command", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], d[3][0], d[3][1], d[2])},
    {"name": "instruction", "symbols": [(lexer.has("ONBUILD") ? {type: "ONBUILD"} : ONBUILD), "flags", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], "none", [])},
    {"name": "instruction", "symbols": [(lexer.has("ONBUILD") ? {type: "ONBUILD"} : ONBUILD), "flags", (lexer.has("trigger") ? {type: "trigger"} : trigger), "instruction"], "postprocess": d => shape(d[0], d[1], "instruction", [], null, d[3])},
    {"name": "instruction$ebnf$1", "symbols": [(lexer.has("ignored") ? {type: "ignored"} : ignored)], "postprocess": id},
    {"name": "instruction$ebnf$1", "symbols": [], "postprocess": () => null},
    {"name": "instruction", "symbols": [(lexer.has("UNKNOWN") ? {type: "UNKNOWN"} : UNKNOWN), "flags", "instruction$ebnf$1", (lexer.has("end") ? {type: "end"} : end)], "postprocess": d => shape(d[0], d[1], "none", d[2] ? [d[2]] : [])},
    {"name": "flags", "symbols": [], "postprocess": () => []},
    {"name": "flags", "symbols": ["flags", (lexer.has("flag") ? {type: "flag"} : flag)], "postprocess": append},
    {"name": "words", "symbols": [], "postprocess": () => []},
    {"name": "words", "symbols": ["words", (lexer.has("word") ? {type: "word"} : word)], "postprocess": append},
    {"name": "pairList", "symbols": [], "postprocess": () => []},
    {"name": "pairList", "symbols": ["pairList", (lexer.has("pair") ? {type: "pair"} : pair)], "postprocess": append},
    {"name": "word", "symbols": [(lexer.has("word") ? {type: "word"} : word)], "postprocess": id},
    {"name": "command", "symbols": [], "postprocess": () => ["none", []]},
    {"name": "command", "symbols": [(lexer.has("json") ? {type: "json"} : json)], "postprocess": d => ["json", d]},
    {"name": "command", "symbols": [(lexer.has("shell") ? {type: "shell"} : shell)], "postprocess": d => ["shell", d]},
    {"name": "list", "symbols": [(lexer.has("json") ? {type: "json"} : json)], "postprocess": d => ["json", d]},
    {"name": "list", "symbols": ["words"], "postprocess": d => [d[0].length ? "words" : "none", d[0]]},
    {"name": "pairs", "symbols": ["pairList"], "postprocess": d => [pairsForm(d[0]), d[0]]},
    {"name": "string", "symbols": [], "postprocess": () => ["none", []]},
    {"name": "string", "symbols": [(lexer.has("string") ? {type: "string"} : string)], "postprocess": d => ["string", d]}
  ],
  ParserStart: "instruction",
};

export default grammar;

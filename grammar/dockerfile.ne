# The Dockerfile grammar: the shape of one instruction, over the coarse tokens that
# src/syntax/split-instruction.ts makes of its logical line (one token per keyword, flag,
# argument word, key=value pair, shell command or JSON array). The parser runs it once per
# instruction, so a file of any size costs time in proportion to its length. It builds
# instruction shapes and nothing else: scoping and meaning belong to the model.
#
# Lists are left-recursive and grow in place: nearley's `:*` copies the list at every item,
# which is quadratic for an instruction with many words. The grammar is unambiguous, so an
# extended list is never shared by a parse that survives.
#
# Postprocessors read token types only, and a pair's separator (pairsForm): the parser remembers one shape
# per token-type sequence and refills it with each instruction's tokens (src/syntax/shape-memo.ts). A
# postprocessor that reads other token values must add them to that memo's key.
#
# Compiled to grammar/dockerfile.ts by `npm run grammar`; a test fails when that file is stale.

@preprocessor typescript

@{%
import { TokenStream } from "./token-stream.js";
import { shape } from "./shape.js";

const lexer = new TokenStream();
export { lexer };
%}

@lexer lexer

instruction ->
    %FROM flags words %end                            {% d => shape(d[0], d[1], "words", d[2]) %}
  | %EXPOSE flags words %end                          {% d => shape(d[0], d[1], "words", d[2]) %}
  | %RUN flags command %end                          {% d => shape(d[0], d[1], ...d[2]) %}
  | %CMD flags command %end                          {% d => shape(d[0], d[1], ...d[2]) %}
  | %ENTRYPOINT flags command %end                   {% d => shape(d[0], d[1], ...d[2]) %}
  | %SHELL flags command %end                        {% d => shape(d[0], d[1], ...d[2]) %}
  | %ADD flags list %end                             {% d => shape(d[0], d[1], ...d[2]) %}
  | %COPY flags list %end                            {% d => shape(d[0], d[1], ...d[2]) %}
  | %VOLUME flags list %end                          {% d => shape(d[0], d[1], ...d[2]) %}
  | %ENV flags pairs %end                            {% d => shape(d[0], d[1], ...d[2]) %}
  | %LABEL flags pairs %end                          {% d => shape(d[0], d[1], ...d[2]) %}
  | %ARG flags pairList %end                         {% d => shape(d[0], d[1], d[2].length ? "key-value" : "none", d[2]) %}
  | %MAINTAINER flags string %end                    {% d => shape(d[0], d[1], ...d[2]) %}
  | %USER flags string %end                          {% d => shape(d[0], d[1], ...d[2]) %}
  | %WORKDIR flags string %end                       {% d => shape(d[0], d[1], ...d[2]) %}
  | %STOPSIGNAL flags string %end                    {% d => shape(d[0], d[1], ...d[2]) %}
  | %HEALTHCHECK flags %end                          {% d => shape(d[0], d[1], "none", []) %}
  | %HEALTHCHECK flags word command %end             {% d => shape(d[0], d[1], d[3][0], d[3][1], d[2]) %}
  | %ONBUILD flags %end                              {% d => shape(d[0], d[1], "none", []) %}
  | %ONBUILD flags %trigger instruction              {% d => shape(d[0], d[1], "instruction", [], null, d[3]) %}
  | %UNKNOWN flags %ignored:? %end                   {% d => shape(d[0], d[1], "none", d[2] ? [d[2]] : []) %}

flags ->
    null                                             {% () => [] %}
  | flags %flag                                      {% append %}

words ->
    null                                             {% () => [] %}
  | words %word                                      {% append %}

pairList ->
    null                                             {% () => [] %}
  | pairList %pair                                   {% append %}

word -> %word                                        {% id %}

# Exec form (a JSON array of strings) or shell form (one command string), or nothing.
command ->
    null                                             {% () => ["none", []] %}
  | %json                                            {% d => ["json", d] %}
  | %shell                                           {% d => ["shell", d] %}

# ADD, COPY and VOLUME: a JSON array, or words split on whitespace.
list ->
    %json                                            {% d => ["json", d] %}
  | words                                            {% d => [d[0].length ? "words" : "none", d[0]] %}

# ENV and LABEL: key=value pairs, or the legacy single `key value`.
pairs ->
    pairList                                         {% d => [pairsForm(d[0]), d[0]] %}

# MAINTAINER, USER, WORKDIR, STOPSIGNAL: the whole rest as one string.
string ->
    null                                             {% () => ["none", []] %}
  | %string                                          {% d => ["string", d] %}

@{%
function append<T>(d: [T[], T]): T[] {
  d[0].push(d[1]);
  return d[0];
}

function pairsForm(pairs: Array<{ separator: string | null }>): string {
  if (pairs.length === 0) return "none";
  return pairs.length === 1 && pairs[0]!.separator !== "=" ? "legacy-key-value" : "key-value";
}
%}

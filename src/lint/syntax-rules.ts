// The parser's and the model's diagnostics as rules, so that they are listed, documented, configured
// and suppressed like any other. Their checks run in the parser and analyze(); the engine turns
// their diagnostics into findings.
import { MODEL_PROBLEMS } from "../model/model-problems.js";
import { SYNTAX_PROBLEMS, type SyntaxProblemInfo } from "../syntax/syntax-problems.js";
import { defineRule, type Level, type Rule, type RuleDocs } from "./rule.js";

type Docs = Omit<RuleDocs, "summary">;

// Rationale and a bad and a good example for each; BuildKit's name where it has the same check.
const DOCS: Record<string, Docs & { aliases?: string[] }> = {
  DF001: { rationale: "BuildKit refuses a file with no instructions (`file with no instructions`).", bad: "# only a comment", good: "FROM alpine:3.20" },
  DF002: { rationale: "BuildKit fails on an instruction it does not know; a typo in a keyword stops the build.", bad: "FORM alpine:3.20", good: "FROM alpine:3.20" },
  DF003: { rationale: "Each instruction takes its own flags; BuildKit fails on any other (`unknown flag`).", bad: "COPY --form=build /app /app", good: "COPY --from=build /app /app" },
  DF004: { rationale: "A flag that takes one value may be given once; BuildKit fails on `duplicate flag specified`.", bad: "COPY --chown=1 --chown=2 a b", good: "COPY --chown=1 a b" },
  DF005: { rationale: "Flags need `--name=value`; a value after a space is read as an argument, and booleans take only true or false.", bad: "COPY --chown 1000 a b", good: "COPY --chown=1000 a b" },
  DF006: { rationale: "A RUN --mount with an unknown type, option or value fails the build.", bad: "RUN --mount=type=cahce,target=/root/.cache make", good: "RUN --mount=type=cache,target=/root/.cache make" },
  DF007: { rationale: "A heredoc runs to its terminator line; without one BuildKit fails (`unterminated heredoc`).", bad: "RUN <<EOF\necho hi", good: "RUN <<EOF\necho hi\nEOF" },
  DF008: { rationale: "A heredoc delimiter with unbalanced quotes cannot be read.", bad: 'RUN <<"EOF\necho\nEOF', good: 'RUN <<"EOF"\necho\nEOF' },
  DF009: { rationale: "A blank line inside a continued instruction is skipped today and will be an error in a future BuildKit.", bad: "RUN apt-get update && \\\n\n    apt-get install -y curl", good: "RUN apt-get update && \\\n    apt-get install -y curl", aliases: ["NoEmptyContinuation"] },
  DF010: { rationale: "Each parser directive may be given once; BuildKit refuses a repeated one.", bad: "# escape=\\\n# escape=`\nFROM alpine", good: "# escape=`\nFROM alpine" },
  DF011: { rationale: "Only ` and \\ can be the escape character.", bad: "# escape=^\nFROM alpine", good: "# escape=`\nFROM alpine" },
  DF012: { rationale: "An exec-form array holds strings only; BuildKit refuses anything else.", bad: 'CMD ["sleep", 10]', good: 'CMD ["sleep", "10"]' },
  DF013: { rationale: "Arguments that start with `[` but are not valid JSON silently run as a shell command, which is rarely meant.", bad: "CMD ['nginx', '-g', 'daemon off;']", good: 'CMD ["nginx", "-g", "daemon off;"]' },
  DF014: { rationale: "The legacy `ENV key value` form needs a value; BuildKit refuses the line.", bad: "ENV DEBUG", good: "ENV DEBUG=1" },
  DF015: { rationale: "Once the first pair uses `=`, every pair must.", bad: "ENV A=1 B", good: "ENV A=1 B=2" },
  DF016: { rationale: "BuildKit reads lines of at most 65535 bytes and fails on longer ones.", bad: "RUN echo <70,000 characters>", good: "RUN echo \\\n  <split over lines>" },
  DF017: { rationale: "A file with NUL bytes is binary, not a Dockerfile: probably the wrong file.", bad: "<a binary file>", good: "FROM alpine:3.20" },
  DF018: { rationale: "Dockerfiles are UTF-8; other bytes are read as replacement characters.", bad: "LABEL author=\"J\\xf6rg\" (Latin-1)", good: 'LABEL author="Jörg"' },
  DF099: { rationale: "dflint failed on this file or rule; the other rules still ran. Please report it.", bad: "-", good: "-" },
  DF101: { rationale: "Only ARG may come before the first FROM (`no build stage in current context`).", bad: "RUN echo hi\nFROM alpine", good: "FROM alpine\nRUN echo hi", aliases: ["DL3061"] },
  DF102: { rationale: "A file with ARGs but no FROM has nothing to build.", bad: "ARG VERSION=1", good: "ARG VERSION=1\nFROM alpine:3.20" },
  DF103: { rationale: "FROM takes an image, or an image, AS and a name (`FROM requires either one or three arguments`).", bad: "FROM alpine:3.20 build", good: "FROM alpine:3.20 AS build" },
  DF104: { rationale: "Stage names start with a letter and hold letters, digits, `-`, `_` and `.`.", bad: "FROM alpine AS 1st", good: "FROM alpine AS first" },
  DF105: { rationale: "FROM must name a valid image after expansion; an empty or malformed name fails the build.", bad: "ARG IMAGE\nFROM $IMAGE", good: "ARG IMAGE=alpine:3.20\nFROM $IMAGE" },
  DF106: { rationale: "A word BuildKit cannot expand (`${` never closed, `${V:=x}`) fails the build.", bad: "FROM alpine\nWORKDIR ${APP_DIR", good: "FROM alpine\nWORKDIR ${APP_DIR}" },
  DF107: { rationale: "Stages that depend on each other in a cycle cannot be built (`circular dependency detected`).", bad: "FROM base AS base", good: "FROM alpine:3.20 AS base" },
  DF108: { rationale: "A numeric --from must name an existing stage.", bad: "FROM alpine\nCOPY --from=3 / /", good: "FROM alpine AS a\nFROM alpine\nCOPY --from=0 / /" },
  DF109: { rationale: "A --from that names no stage is pulled as an image; a typo in a stage name becomes a pull.", bad: "FROM alpine AS build\nFROM alpine\nCOPY --from=biuld /a /a", good: "FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /a" },
  DF111: { rationale: "`ARG A=$A` reads A before it is set; it expands to an empty string.", bad: "ARG A=$A", good: "ARG A=default" },
  DF112: { rationale: "The requested --target must be a stage of the file.", bad: "FROM alpine AS build (built with --target=buidl)", good: "FROM alpine AS build (built with --target=build)" },
};

const LEVEL: Record<string, Level> = { error: "error", warning: "warning", info: "info", hint: "style" };

function ruleFor(p: SyntaxProblemInfo): Rule {
  const docs = DOCS[p.code];
  return defineRule({
    code: p.code,
    name: p.name,
    aliases: docs?.aliases ?? [],
    level: LEVEL[p.severity] ?? "error",
    docs: { summary: p.summary, rationale: docs?.rationale ?? p.summary, bad: docs?.bad ?? "", good: docs?.good ?? "" },
    fix: null,
    source: docs?.aliases?.some((a) => !a.startsWith("DL")) ? "buildkit" : "dflint",
    check() {
      // Reported by the parser or the model; see engine.ts.
    },
  });
}

/** A rule for each diagnostic the parser and the model can report. */
export const SYNTAX_RULES: Rule[] = [...Object.values(SYNTAX_PROBLEMS), ...Object.values(MODEL_PROBLEMS)].map(ruleFor);

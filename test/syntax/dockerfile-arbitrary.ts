// A fast-check generator of valid Dockerfiles whose structure is known in advance: every instruction
// comes with what BuildKit's parser makes of it (name, raw flags, argument form and values, heredocs).
// The text varies what must not change that: keyword case, comments, blank lines, continuations (with
// indentation, comment, blank and lone-escape lines inside), both escape characters, LF, CRLF or mixed
// line endings, a BOM.
import fc from "fast-check";
import type { ArgumentForm, InstructionName } from "../../src/index.js";

export type EscapeChar = "\\" | "`";

export type ExpectedArg =
  | { kind: "json"; elements: string[] }
  | { kind: "shell"; value: string }
  | { kind: "word"; value: string }
  | { kind: "pair"; key: string; value: string | null; separator: "=" | "" | null };

export interface ExpectedHeredoc {
  name: string;
  content: string;
  expand: boolean;
  chomp: boolean;
  /** The source text at the marker (`<<-"EOF"`) and at the terminator line (`\tEOF`). */
  marker: string;
  terminator: string;
}

export interface ExpectedInstruction {
  name: InstructionName;
  /** The keyword as written. */
  keyword: string;
  /** Flags as BuildKit stores them: `--name=value`, quotes removed. */
  flags: string[];
  /** The source text of each flag, as written. */
  flagTexts: string[];
  form: ArgumentForm;
  args: ExpectedArg[];
  healthcheckType: string | null;
  heredocs: ExpectedHeredoc[];
  trigger: ExpectedInstruction | null;
  /** BuildKit's Node.Original: the logical line, first line's indentation dropped (an ONBUILD trigger: its trimmed text). */
  original: string;
  /** BuildKit's Node.PrevComment: the comment lines before the instruction (none for a trigger). */
  comments: string[];
  /** 1-based first and last physical line, heredoc bodies included; a trigger gets its ONBUILD's. */
  startLine: number;
  endLine: number;
}

export interface GeneratedDockerfile {
  text: string;
  escape: EscapeChar;
  instructions: ExpectedInstruction[];
}

// ---- specs: plain data, so that counterexamples print readably ----

interface FlagSpec {
  text: string;
  /** null for the bare `--` that ends the flags: BuildKit drops it. */
  raw: string | null;
}

interface HeredocSpec {
  name: string;
  /** The marker as written in the instruction line: `<<-"EOF"`. */
  marker: string;
  chomp: boolean;
  expand: boolean;
  lines: string[];
  /** Tabs before the terminator (only with `<<-`). */
  terminatorTabs: string;
}

type Body =
  | { kind: "json"; elements: string[]; style: JsonStyle }
  | { kind: "shell"; pieces: string[] }
  | { kind: "words"; words: string[] }
  | { kind: "string"; pieces: string[] }
  | { kind: "pairs"; pairs: string[] }
  | { kind: "legacy"; key: string; pieces: string[] }
  | { kind: "healthcheck"; type: string; command: Body | null }
  | { kind: "trigger"; instruction: InstructionSpec };

interface InstructionSpec {
  name: InstructionName;
  keyword: string;
  flags: FlagSpec[];
  body: Body;
  heredocs: HeredocSpec[];
}

type JsonStyle = "plain" | "escape-slash" | "escape-non-ascii";

type InteriorLine = { kind: "comment"; indent: string; text: string } | { kind: "blank"; ws: string } | { kind: "lone"; ws: string };

interface Continuation {
  /** Spaces or tabs after the escape character. */
  trailing: string;
  /** Lines between the continued line and the next piece: comments, blank lines, lone escapes. */
  interior: InteriorLine[];
  indent: string;
}

interface GapLayout {
  ws: string;
  cont: Continuation | null;
}

type Trivia = { kind: "comment"; indent: string; text: string } | { kind: "blank"; ws: string };

interface Item {
  spec: InstructionSpec;
  before: Trivia[];
  indent: string;
  trailing: string;
}

interface FileSpec {
  bom: boolean;
  escape: EscapeChar;
  directives: string[];
  blankAfterDirectives: boolean;
  /** Line endings: all LF, all CRLF, or each line's picked from `mixedEols` in turn. */
  eols: "lf" | "crlf" | "mixed";
  mixedEols: boolean[];
  items: Item[];
  after: Trivia[];
  gaps: GapLayout[];
  finalEol: boolean;
  /** A continuation left open at the end of the file (after the last instruction, if it has no heredocs). */
  dangling: string | null;
}

// ---- alphabets ----

// Stands for the file's escape character in piece texts; replaced when the file is rendered. No piece
// holds a NUL otherwise (JSON encoding escapes it).
const ESC = "\u0000";

const LOWER = "abcdefghijklmnopqrstuvwxyz".split("");
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
const DIGITS = "0123456789".split("");
const WIDE = ["é", "ß", "ü", "Ω", "ñ", "日本", "🐳", "€", "à", "Å"];

const chars = (list: string[], min = 1, max = 8) => fc.string({ unit: fc.constantFrom(...list), minLength: min, maxLength: max });

const identifier = fc
  .tuple(fc.constantFrom(...LOWER, ...UPPER, "_"), chars([...LOWER, ...UPPER, ...DIGITS, "_"], 0, 8))
  .map(([a, b]) => a + b);

// Plain word characters: nothing a parser layer treats specially (no spaces, quotes, escapes, `<`, `#`).
const PLAIN = [...LOWER, ...UPPER, ...DIGITS, "_", ".", "/", ":", "@", "%", "+", ",", "~", "-", "=", ...WIDE];
const plainWord = chars(PLAIN, 1, 10).filter((w) => !w.startsWith("-"));
const path = fc.constantFrom("/app", "/usr/local/bin/", ".", "./src", "/etc/conf.d/x.conf", "/root/.cache", "日本/🐳", "C:/work");

// Shell words may hold quotes, `$`, braces, operators and an escape character in the middle.
const SHELL_CHARS = [...PLAIN, "'", '"', "$", "{", "}", "|", "&", ";", ">", "(", ")", "[", "]", "*", "?", "!", "#"];
const shellWord = fc
  .tuple(chars(SHELL_CHARS, 1, 8), fc.option(fc.tuple(fc.constantFrom(ESC, "\\", "`"), chars(SHELL_CHARS, 1, 4)), { nil: null }))
  .map(([a, b]) => (b ? a + b[0] + b[1] : a))
  .filter((w) => !w.startsWith("#"));
// Words on a line with heredocs go through BuildKit's shell lexer: no quotes, `$` or escapes there.
const HEREDOC_LINE_CHARS = [...PLAIN, "|", "&", ";", ">", "(", ")", "*", "?", "!"];
const heredocLineWord = chars(HEREDOC_LINE_CHARS, 1, 8);
const command = fc.constantFrom("echo", "apt-get", "make", "sh", "python3", "npm", "go", "cat", "curl", "ls");

function casing(word: string): fc.Arbitrary<string> {
  const title = word[0]!.toUpperCase() + word.slice(1).toLowerCase();
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(word.toUpperCase()) },
    fc.constant(word.toLowerCase()),
    fc.constant(title),
    fc.integer({ min: 0, max: 0xffff }).map((mask) =>
      [...word].map((c, i) => (mask & (1 << i) ? c.toUpperCase() : c.toLowerCase())).join(""),
    ),
  );
}

// ---- flags ----

function flag(name: string, value: fc.Arbitrary<string>): fc.Arbitrary<FlagSpec> {
  return fc.tuple(value, fc.constantFrom("plain", "double", "single", "partial")).map(([v, quoting]) => {
    const raw = `--${name}=${v}`;
    switch (quoting) {
      case "double":
        return { text: `--${name}="${v}"`, raw };
      case "single":
        return { text: `--${name}='${v}'`, raw };
      case "partial":
        return { text: `--"${name}"=${v}`, raw };
      default:
        return { text: raw, raw };
    }
  });
}

function boolFlag(name: string): fc.Arbitrary<FlagSpec> {
  return fc.constantFrom(
    { text: `--${name}`, raw: `--${name}` },
    { text: `--${name}=true`, raw: `--${name}=true` },
    { text: `--${name}=False`, raw: `--${name}=False` },
  );
}

// BuildKit reads flags byte by byte and makes each byte a rune: UTF-8 text comes out as Latin-1.
const bytesAsRunes = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

// Not generated: BuildKit ends a flag word at any byte that is a space as a rune, 0x85 and 0xA0
// included, so `--exclude=à` (C3 A0) is cut inside the character; the generator does not model that
// cut (test/syntax/parse.test.ts checks it).
const flagWord = plainWord.filter((w) => !/[\x85\xa0]/.test(bytesAsRunes(w)));

// A flag value with a space (and maybe non-ASCII), written quoted or with the flag escape (always `\`).
function spacedFlag(name: string): fc.Arbitrary<FlagSpec> {
  return fc.tuple(flagWord, flagWord, fc.boolean()).map(([a, b, quoted]) => ({
    text: quoted ? `--${name}="${a} ${b}"` : `--${name}=${a}\\ ${b}`,
    raw: bytesAsRunes(`--${name}=${a} ${b}`),
  }));
}

// A bare `--` ends the flags on any instruction.
const endOfFlags = fc.oneof({ weight: 9, arbitrary: fc.constant<FlagSpec[]>([]) }, fc.constant<FlagSpec[]>([{ text: "--", raw: null }]));

/** Some of the flags, each at most once, in the given order; list flags may repeat. */
function flagSet(single: Array<fc.Arbitrary<FlagSpec>>, repeatable: fc.Arbitrary<FlagSpec> | null = null): fc.Arbitrary<FlagSpec[]> {
  return fc
    .tuple(
      fc.tuple(...single.map((a) => fc.option(a, { nil: null, freq: 2 }))),
      repeatable ? fc.array(repeatable, { maxLength: 2 }) : fc.constant([]),
      endOfFlags,
    )
    .map(([some, more, end]) => [...some.filter((f): f is FlagSpec => f !== null), ...more, ...end]);
}

const mountValue = fc.constantFrom(
  "type=cache,target=/root/.cache",
  "type=cache,target=/var/cache/apt,sharing=locked",
  "type=cache,id=go,target=/go/pkg/mod,mode=0755,uid=1000",
  "type=bind,source=.,target=/src",
  "type=bind,from=build,source=/out,target=/in,ro",
  "type=secret,id=npmrc,target=/root/.npmrc",
  "type=secret,id=token,env=TOKEN,required",
  "type=tmpfs,target=/tmp,size=64m",
  "type=ssh",
  "target=/x",
);
const runFlags = flagSet(
  [flag("network", fc.constantFrom("none", "host", "default")), flag("security", fc.constantFrom("sandbox", "insecure"))],
  flag("mount", mountValue),
);
// String flags may be empty (`--chown=`).
const chown = flag("chown", fc.constantFrom("1000:1000", "app:app", "app", "${UID}:${GID}", ""));
const chmod = flag("chmod", fc.constantFrom("755", "0644", "u=rwX,go=rX"));
const exclude = fc.oneof(flag("exclude", fc.constantFrom("*.md", "**/*.tmp", "docs/")), spacedFlag("exclude"));
const copyFlags = flagSet(
  [flag("from", fc.constantFrom("build", "0", "alpine:3.19", "ctx")), chown, chmod, boolFlag("link"), boolFlag("parents")],
  exclude,
);
const addFlags = flagSet(
  [
    chown,
    chmod,
    boolFlag("link"),
    boolFlag("keep-git-dir"),
    flag("checksum", fc.constantFrom("sha256:" + "a1".repeat(32), "24454f830cdd571e2c4ad15481119c43b3cafd48")),
    boolFlag("unpack"),
  ],
  exclude,
);
const fromFlags = flagSet([flag("platform", fc.constantFrom("linux/amd64", "linux/arm64/v8", "$BUILDPLATFORM", "${TARGETPLATFORM}"))]);
const healthFlags = flagSet([
  flag("interval", fc.constantFrom("30s", "1m30s", "500ms", "0")),
  flag("timeout", fc.constantFrom("5s", "10s")),
  flag("start-period", fc.constantFrom("0s", "1m")),
  flag("start-interval", fc.constantFrom("5s", "2s")),
  flag("retries", fc.constantFrom("3", "0", "10")),
]);

// ---- heredocs ----

const heredocName = fc.constantFrom("EOF", "END", "SCRIPT", "PY", "A", "B", "FILE_1", "eof", "x.y");
const BODY_CHARS = [...PLAIN, " ", " ", "\t", "$", "{", "}", "'", '"', "\\", "`", "#", "<", "EOF", "--", "[", "]"];

/** A heredoc; `inShell` allows what only a shell-form line keeps as one word (`3<<EOF`, `<<'two words'`). */
const heredocOf = (inShell: boolean): fc.Arbitrary<HeredocSpec> => fc
  .record({
    name: inShell ? fc.oneof({ weight: 5, arbitrary: heredocName }, fc.constant("two words")) : heredocName,
    fd: inShell ? fc.constantFrom("", "", "", "0", "3") : fc.constant(""),
    style: fc.constantFrom("plain", "chomp", "double", "single", "chomp-double", "chomp-single", "partial"),
    lines: fc.array(fc.tuple(fc.constantFrom("", "", "\t", "\t\t"), chars(BODY_CHARS, 0, 12)), { maxLength: 4 }),
    terminatorTabs: fc.constantFrom("", "\t", "\t\t"),
  })
  .map(({ name, fd, style: picked, lines, terminatorTabs }) => {
    // A delimiter with a blank in it must be quoted.
    const style = name.includes(" ") && (picked === "plain" || picked === "chomp" || picked === "partial") ? "double" : picked;
    const chomp = style.startsWith("chomp");
    const quote = style.endsWith("double") ? '"' : style.endsWith("single") ? "'" : "";
    const delimiter = style === "partial" ? `${name[0]}"${name.slice(1)}"` : quote + name + quote;
    const body = lines.map(([tabs, text]) => {
      // Leading tabs only mean something with `<<-`; a body line must not read as the terminator.
      const line = (chomp ? tabs : "") + text;
      return (chomp ? line.replace(/^\t+/, "") : line) === name ? line + "x" : line;
    });
    return {
      name,
      marker: `${fd}<<${chomp ? "-" : ""}${delimiter}`,
      chomp,
      expand: quote === "" && style !== "partial",
      lines: body,
      terminatorTabs: chomp ? terminatorTabs : "",
    };
  });

// ---- bodies ----

const JSON_CHARS = [...PLAIN, " ", "\t", "\n", '"', "\\", "/", "'", "`", "$", "[", "]", "#", "\u0085", "\u2028", "\u0001", "<<EOF"];
const jsonElement = fc
  .oneof(
    { weight: 3, arbitrary: chars(JSON_CHARS, 0, 10) },
    fc.string({ unit: "binary", maxLength: 6 }),
    fc.constantFrom("-c", "/bin/sh", "echo hi", "<<EOF", "", "c:\\windows"),
  );
function jsonBody(minElements: number, first: fc.Arbitrary<string> = jsonElement): fc.Arbitrary<Body> {
  return fc
    .record({
      head: minElements > 0 ? first.map((e) => [e]) : fc.constant([] as string[]),
      tail: fc.array(jsonElement, { minLength: Math.max(0, minElements - 1), maxLength: 4 }),
      style: fc.constantFrom<JsonStyle>("plain", "plain", "escape-slash", "escape-non-ascii"),
    })
    .map(({ head, tail, style }) => ({ kind: "json", elements: [...head, ...tail], style }));
}

const shellBody: fc.Arbitrary<Body> = fc
  .record({
    first: command,
    rest: fc.array(shellWord, { maxLength: 6 }),
    // A line ending in two escape characters does not continue; nor, by BuildKit's regex, in three.
    escapes: fc.constantFrom(0, 0, 0, 2, 3),
  })
  .map(({ first, rest, escapes }) => {
    const pieces = [first, ...rest];
    pieces[pieces.length - 1] += ESC.repeat(escapes);
    return { kind: "shell", pieces };
  });

/** RUN's shell form with one or two heredocs, and the heredoc specs in order. */
const heredocShell = fc
  .record({
    before: fc.array(heredocLineWord, { maxLength: 2 }),
    first: heredocOf(true),
    spaced: fc.boolean(),
    middle: fc.array(heredocLineWord, { maxLength: 3 }),
    second: fc.option(heredocOf(true), { nil: null }),
    after: fc.array(heredocLineWord, { maxLength: 2 }),
  })
  .map(({ before, first, spaced, middle, second, after }) => {
    const lead = before.length ? ["cat", ...before.slice(1)] : [];
    // `<< EOF`: the lexer absorbs the blanks after `<<`, so this is still one heredoc word.
    const one = spaced && !first.chomp ? { ...first, marker: first.marker.replace("<<", "<< ") } : first;
    const pieces = [...lead, one.marker, ...middle, ...(second ? [second.marker] : []), ...after];
    return { body: { kind: "shell", pieces } as Body, heredocs: second ? [one, second] : [one] };
  });

const wordsOf = (words: fc.Arbitrary<string[]>): fc.Arbitrary<Body> => words.map((w) => ({ kind: "words", words: w }));

const envValue = fc.oneof(
  { weight: 3, arbitrary: plainWord },
  fc.constant(""),
  fc.tuple(plainWord, plainWord).map(([a, b]) => `"${a} ${b}"`),
  fc.tuple(plainWord, plainWord).map(([a, b]) => `'${a} ${b}'`),
  fc.tuple(plainWord, plainWord).map(([a, b]) => `${a}${ESC} ${b}`),
  fc.tuple(plainWord, plainWord).map(([a, b]) => `"${a}${ESC}"${b}"`),
  fc.constantFrom("$HOME", "${PATH}:/opt/bin", '""', "''", "C:\\dir"),
);
const labelKey = fc.tuple(identifier, fc.array(identifier, { maxLength: 3 })).map(([a, b]) => [a, ...b].join("."));
// In `"k"=v` the quotes stay in the key, as BuildKit stores it.
const quotedLabelKey = fc.oneof({ weight: 3, arbitrary: labelKey }, labelKey.map((k) => `"${k}"`));
const pairsBody = (key: fc.Arbitrary<string>): fc.Arbitrary<Body> =>
  fc.array(fc.tuple(key, envValue).map(([k, v]) => `${k}=${v}`), { minLength: 1, maxLength: 4 }).map((pairs) => ({ kind: "pairs", pairs }));
const legacyBody = (key: fc.Arbitrary<string>): fc.Arbitrary<Body> =>
  fc.record({ key, pieces: fc.array(shellWord, { minLength: 1, maxLength: 4 }) }).map(({ key: k, pieces }) => ({ kind: "legacy", key: k, pieces }));
const argBody: fc.Arbitrary<Body> = fc
  .array(fc.tuple(identifier, fc.option(envValue, { nil: null })).map(([k, v]) => (v === null ? k : `${k}=${v}`)), { minLength: 1, maxLength: 3 })
  .map((pairs) => ({ kind: "pairs", pairs }));

const stringBody = (pieces: fc.Arbitrary<string[]>): fc.Arbitrary<Body> => pieces.map((p) => ({ kind: "string", pieces: p }));

// ---- instructions ----

function instruction(name: InstructionName, flags: fc.Arbitrary<FlagSpec[]>, body: fc.Arbitrary<Body>): fc.Arbitrary<InstructionSpec> {
  return fc.record({ keyword: casing(name), flags, body }).map(({ keyword, flags: f, body: b }) => ({ name, keyword, flags: f, body: b, heredocs: [] }));
}

const noFlags = endOfFlags;

const image = fc.constantFrom("alpine:3.19", "node:20-slim", "scratch", "ghcr.io/org/app@sha256:" + "0f".repeat(32), "${BASE}", "$BASE_IMAGE", "debian");
const stageName = fc.constantFrom("build", "base", "final-stage", "b2", "x.y_z");
const from = instruction(
  "FROM",
  fromFlags,
  fc.tuple(image, fc.option(fc.tuple(casing("AS"), stageName), { nil: null })).map(([img, as]) => ({
    kind: "words",
    words: as ? [img, ...as] : [img],
  })),
);

const run = fc.oneof(
  { weight: 3, arbitrary: instruction("RUN", runFlags, shellBody) },
  instruction("RUN", runFlags, jsonBody(1, fc.constantFrom("sh", "/bin/bash", "make"))),
  fc.tuple(casing("RUN"), runFlags, heredocShell).map(([keyword, flags, h]) => ({
    name: "RUN" as const,
    keyword,
    flags,
    body: h.body,
    heredocs: h.heredocs,
  })),
);

const execOrShell = fc.oneof(jsonBody(0), shellBody);
const cmd = instruction("CMD", noFlags, execOrShell);
const entrypoint = instruction("ENTRYPOINT", noFlags, execOrShell);
// Shell form SHELL is refused by BuildKit's instruction stage, so only the JSON form is valid.
const shell = instruction("SHELL", noFlags, jsonBody(1, fc.constantFrom("/bin/bash", "powershell", "cmd")));

function copyLike(name: "COPY" | "ADD", flags: fc.Arbitrary<FlagSpec[]>): fc.Arbitrary<InstructionSpec> {
  const source = name === "ADD" ? fc.oneof(plainWord, fc.constant("https://example.com/a.tar.gz")) : plainWord;
  const plain = instruction(name, flags, fc.oneof(wordsOf(fc.tuple(fc.array(source, { minLength: 1, maxLength: 3 }), path).map(([s, d]) => [...s, d])), jsonBody(2)));
  const withHeredocs = fc
    .record({
      keyword: casing(name),
      flags,
      docs: fc.array(heredocOf(false), { minLength: 1, maxLength: 2 }),
      extra: fc.option(plainWord, { nil: null }),
      dest: path,
    })
    .map(({ keyword, flags: f, docs, extra, dest }) => ({
      name,
      keyword,
      flags: f,
      body: { kind: "words", words: [...docs.map((d) => d.marker), ...(extra ? [extra] : []), dest] } as Body,
      heredocs: docs,
    }));
  return fc.oneof({ weight: 2, arbitrary: plain }, withHeredocs);
}
const copy = copyLike("COPY", copyFlags);
const add = copyLike("ADD", addFlags);

const env = instruction("ENV", noFlags, fc.oneof({ weight: 3, arbitrary: pairsBody(identifier) }, legacyBody(identifier)));
const label = instruction("LABEL", noFlags, fc.oneof({ weight: 3, arbitrary: pairsBody(quotedLabelKey) }, legacyBody(labelKey)));
const arg = instruction("ARG", noFlags, argBody);
const expose = instruction(
  "EXPOSE",
  noFlags,
  wordsOf(fc.array(fc.constantFrom("80", "443/tcp", "53/udp", "8000-8010", "${PORT}", "9090/TCP"), { minLength: 1, maxLength: 3 })),
);
const volume = instruction("VOLUME", noFlags, fc.oneof(wordsOf(fc.array(path, { minLength: 1, maxLength: 3 })), jsonBody(1, path)));
const user = instruction("USER", noFlags, stringBody(fc.constantFrom("app", "1000:1000", "${USER}", "nobody:nogroup").map((u) => [u])));
const workdir = instruction(
  "WORKDIR",
  noFlags,
  stringBody(fc.oneof(path.map((p) => [p]), fc.constant<string[]>(["C:" + ESC + "work" + ESC + ESC]), fc.tuple(path, plainWord).map(([a, b]) => [a, b]))),
);
const maintainer = instruction("MAINTAINER", noFlags, stringBody(fc.array(fc.oneof(plainWord, fc.constant("<jane@example.com>")), { minLength: 1, maxLength: 3 })));
const stopsignal = instruction("STOPSIGNAL", noFlags, stringBody(fc.constantFrom("SIGTERM", "9", "SIGKILL", "$SIG").map((s) => [s])));
const healthcheck = fc.oneof(
  instruction(
    "HEALTHCHECK",
    healthFlags,
    fc.tuple(casing("CMD"), fc.oneof(jsonBody(1, fc.constantFrom("curl", "CMD-SHELL")), shellBody)).map(([type, c]) => ({
      kind: "healthcheck",
      type,
      command: c,
    })),
  ),
  // HEALTHCHECK NONE does not look at its flags.
  instruction("HEALTHCHECK", fc.oneof(noFlags, healthFlags), casing("NONE").map((type) => ({ kind: "healthcheck", type, command: null }))),
);

const triggerable = fc.oneof(run, cmd, entrypoint, copy, add, env, label, arg, expose, volume, user, workdir, stopsignal, healthcheck, shell);
// ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER are refused by BuildKit.
const onbuild = fc.tuple(casing("ONBUILD"), triggerable).map(
  ([keyword, inner]): InstructionSpec => ({ name: "ONBUILD", keyword, flags: [], body: { kind: "trigger", instruction: inner }, heredocs: [] }),
);

const anyInstruction: fc.Arbitrary<InstructionSpec> = fc.oneof(
  { weight: 4, arbitrary: run },
  { weight: 2, arbitrary: copy },
  { weight: 2, arbitrary: env },
  from,
  cmd,
  entrypoint,
  shell,
  add,
  label,
  arg,
  expose,
  volume,
  user,
  workdir,
  maintainer,
  stopsignal,
  healthcheck,
  onbuild,
);

// ---- layout ----

const COMMENT_CHARS = [...PLAIN.filter((c) => c !== "="), " ", "\t", "#", "\\", "`", "'", '"', "$"];
const commentText = chars(COMMENT_CHARS, 0, 16);
const indent = fc.constantFrom("", "", " ", "  ", "\t", "    ");
// The first line of a statement loses any Unicode white space before it (\f, NBSP, NEL too). A comment
// line's indentation starts with one byte: BuildKit takes a comment's text from the line's second byte.
const commentIndent = fc.oneof({ weight: 5, arbitrary: indent }, fc.constantFrom("\f", " \u00a0", "\v "));
const lineIndent = fc.oneof({ weight: 5, arbitrary: commentIndent }, fc.constant("\u0085"));
const trivia: fc.Arbitrary<Trivia> = fc.oneof(
  fc.record({ kind: fc.constant("comment" as const), indent: commentIndent, text: commentText }),
  fc.record({ kind: fc.constant("blank" as const), ws: fc.constantFrom("", "", "  ", "\t ", "\f", "\u00a0") }),
);
const interiorLine: fc.Arbitrary<InteriorLine> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("comment" as const), indent, text: commentText }) },
  fc.record({ kind: fc.constant("blank" as const), ws: fc.constantFrom("", " \t") }),
  fc.record({ kind: fc.constant("lone" as const), ws: fc.constantFrom("", " ", "\t") }),
);
const gapLayout: fc.Arbitrary<GapLayout> = fc.record({
  ws: fc.constantFrom(" ", " ", "  ", "\t", "", " \t", "\v", " \f"),
  cont: fc.option(
    fc.record({
      trailing: fc.constantFrom("", "", " ", "\t "),
      interior: fc.oneof({ weight: 3, arbitrary: fc.constant<InteriorLine[]>([]) }, fc.array(interiorLine, { minLength: 1, maxLength: 2 })),
      indent: fc.constantFrom("", " ", "  ", "    ", "\t"),
    }),
    { nil: null, freq: 3 },
  ),
});

const item = (spec: fc.Arbitrary<InstructionSpec>): fc.Arbitrary<Item> =>
  fc.record({
    spec,
    before: fc.oneof({ weight: 2, arbitrary: fc.constant<Trivia[]>([]) }, fc.array(trivia, { minLength: 1, maxLength: 3 })),
    indent: lineIndent,
    trailing: fc.constantFrom("", "", "", " ", "\t", "\f"),
  });

const directives = (escape: EscapeChar): fc.Arbitrary<string[]> => {
  const esc = fc.constantFrom(`# escape=${escape}`, `#escape=${escape}`, `# ESCAPE = ${escape} `, `  # escape=${escape}`);
  const syntax = fc.constantFrom("# syntax=docker/dockerfile:1", "#syntax = docker/dockerfile:1.7");
  const some = fc.oneof(esc.map((e) => [e]), fc.tuple(syntax, esc).map(([s, e]) => [s, e]), fc.tuple(esc, syntax).map(([e, s]) => [e, s]));
  // `\` is the default: its file may also have no escape directive at all.
  return escape === "`" ? some : fc.oneof(fc.constant<string[]>([]), syntax.map((s) => [s]), some);
};

export const dockerfileArbitrary: fc.Arbitrary<GeneratedDockerfile> = fc
  .constantFrom<EscapeChar>("\\", "`")
  .chain((escape) =>
    fc.record({
      bom: fc.boolean(),
      escape: fc.constant(escape),
      directives: directives(escape),
      blankAfterDirectives: fc.boolean(),
      eols: fc.constantFrom("lf", "lf", "crlf", "mixed"),
      mixedEols: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      items: fc
        .tuple(fc.array(item(arg), { maxLength: 1 }), item(from), fc.array(item(anyInstruction), { maxLength: 7 }))
        .map(([args, f, rest]) => [...args, f, ...rest]),
      after: fc.array(trivia, { maxLength: 2 }),
      gaps: fc.array(gapLayout, { maxLength: 40 }),
      finalEol: fc.boolean(),
      dangling: fc.option(fc.constantFrom(" ", "\t"), { nil: null, freq: 5 }),
    }),
  )
  .map(render);

// ---- rendering ----

type Part = { kind: "text"; text: string } | { kind: "gap"; optional: boolean };

interface Context {
  /** Heredoc bodies of the instruction, as written (each line with its line ending). */
  bodies: string[];
  /** What each part contributes to the logical line (continuations joined). */
  logical: string[];
  /** What the logical line has after the last part: trailing blanks. */
  tail: string;
  comments: string[];
  startLine: number;
  endLine: number;
}

// Go's strings.TrimSpace, as BuildKit uses it (unicode.IsSpace).
const GO_SPACE = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const goTrim = (s: string) => s.replace(new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, "g"), "");

type Expect = (ctx: Context) => ExpectedInstruction;

const join = (ctx: Context, first: number, last: number) => ctx.logical.slice(first, last + 1).join("");

function encodeJson(value: string, style: JsonStyle): string {
  let out = JSON.stringify(value);
  if (style === "escape-slash") out = out.replaceAll("/", "\\/");
  if (style === "escape-non-ascii") out = out.replace(/[^\x00-\x7f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  return out;
}

/** Appends an instruction's parts; returns how to compute what the parser should make of them. */
function layOut(spec: InstructionSpec, parts: Part[], isTrigger = false): Expect {
  const text = (t: string) => parts.push({ kind: "text", text: t }) - 1;
  const gap = (optional = false) => parts.push({ kind: "gap", optional });
  const pieces = (list: string[]): [number, number] => {
    let first = -1;
    let last = -1;
    list.forEach((p, i) => {
      if (i > 0) gap();
      last = text(p);
      if (i === 0) first = last;
    });
    return [first, last];
  };

  const keyword = text(spec.keyword);
  for (const f of spec.flags) {
    gap();
    text(f.text);
  }
  const heredocs = (ctx: Context): ExpectedHeredoc[] =>
    spec.heredocs.map((h, i) => ({
      name: h.name,
      content: ctx.bodies[i]!,
      expand: h.expand,
      chomp: h.chomp,
      marker: h.marker,
      terminator: h.terminatorTabs + h.name,
    }));
  const flags = spec.flags.filter((f) => f.raw !== null);
  const base = (ctx: Context) => ({
    name: spec.name,
    keyword: spec.keyword,
    flags: flags.map((f) => f.raw!),
    flagTexts: flags.map((f) => f.text),
    healthcheckType: null,
    heredocs: heredocs(ctx),
    trigger: null,
    // BuildKit parses a trigger from ONBUILD's trimmed arguments, without comments.
    original: isTrigger ? goTrim(join(ctx, keyword, ctx.logical.length - 1) + ctx.tail) : join(ctx, keyword, ctx.logical.length - 1) + ctx.tail,
    comments: isTrigger ? [] : ctx.comments,
    startLine: ctx.startLine,
    endLine: ctx.endLine,
  });

  const body = (b: Body): { form: ArgumentForm; args: (ctx: Context) => ExpectedArg[] } => {
    switch (b.kind) {
      case "json": {
        gap();
        text("[");
        b.elements.forEach((e, i) => {
          if (i > 0) {
            gap(true);
            text(",");
          }
          gap(true);
          text(encodeJson(e, b.style));
        });
        gap(true);
        text("]");
        return { form: "json", args: () => [{ kind: "json", elements: b.elements }] };
      }
      case "shell":
      case "string": {
        gap();
        const [first, last] = pieces(b.pieces);
        const kind = b.kind === "shell" ? "shell" : "word";
        return { form: b.kind, args: (ctx) => [{ kind, value: join(ctx, first, last) }] };
      }
      case "words": {
        gap();
        const [first, last] = pieces(b.words);
        return {
          form: "words",
          args: (ctx) => {
            const out: ExpectedArg[] = [];
            for (let i = first; i <= last; i += 2) out.push({ kind: "word", value: ctx.logical[i]! });
            return out;
          },
        };
      }
      case "pairs": {
        gap();
        const [first, last] = pieces(b.pairs);
        return {
          form: "key-value",
          args: (ctx) => {
            const out: ExpectedArg[] = [];
            for (let i = first; i <= last; i += 2) {
              const t = ctx.logical[i]!;
              const eq = t.indexOf("=");
              out.push(eq < 0 ? { kind: "pair", key: t, value: null, separator: null } : { kind: "pair", key: t.slice(0, eq), value: t.slice(eq + 1), separator: "=" });
            }
            return out;
          },
        };
      }
      case "legacy": {
        gap();
        text(b.key);
        gap();
        const [first, last] = pieces(b.pieces);
        return { form: "legacy-key-value", args: (ctx) => [{ kind: "pair", key: b.key, value: join(ctx, first, last), separator: "" }] };
      }
      case "healthcheck":
      case "trigger":
        throw new Error("bug: handled by the caller");
    }
  };

  const b = spec.body;
  if (b.kind === "trigger") {
    gap();
    const inner = layOut(b.instruction, parts, true);
    return (ctx) => {
      const trigger = inner(ctx);
      // BuildKit attaches the trigger's heredocs to the ONBUILD node as well.
      return { ...base(ctx), form: "instruction", args: [], heredocs: trigger.heredocs, trigger };
    };
  }
  if (b.kind === "healthcheck") {
    gap();
    text(b.type);
    const command = b.command ? body(b.command) : null;
    return (ctx) => ({ ...base(ctx), healthcheckType: b.type, form: command ? command.form : "none", args: command ? command.args(ctx) : [] });
  }
  const { form, args } = body(b);
  return (ctx) => ({ ...base(ctx), form, args: args(ctx) });
}

function allHeredocs(spec: InstructionSpec): HeredocSpec[] {
  return spec.body.kind === "trigger" ? allHeredocs(spec.body.instruction) : spec.heredocs;
}

function render(file: FileSpec): GeneratedDockerfile {
  let eols = 0;
  const eol = () => {
    if (file.eols === "mixed") return file.mixedEols[eols++ % file.mixedEols.length] ? "\r\n" : "\n";
    return file.eols === "crlf" ? "\r\n" : "\n";
  };
  const e = file.escape;
  const fix = (s: string) => s.replaceAll(ESC, e);
  let out = file.bom ? "\ufeff" : "";
  const lineCount = (s: string) => s.split("\n").length;
  // BuildKit keeps the comment lines before an instruction (directives too): the text after the
  // line's first byte, trimmed; a comment with nothing in it clears them.
  let comments: string[] = [];
  const comment = (raw: string) => {
    const body = goTrim(raw.slice(1));
    if (body === "") comments = [];
    else comments.push(body);
  };
  for (const d of file.directives) {
    comment(d);
    out += d + eol();
  }
  if (file.directives.length && file.blankAfterDirectives) out += eol();
  const triviaLine = (t: Trivia) => {
    if (t.kind === "comment") comment(`${t.indent}#${t.text}`);
    return (t.kind === "comment" ? `${t.indent}#${t.text}` : t.ws) + eol();
  };

  let gapIndex = 0;
  const expected: ExpectedInstruction[] = [];
  file.items.forEach((item, itemIndex) => {
    for (const t of item.before) out += triviaLine(t);
    const startLine = lineCount(out);
    const parts: Part[] = [];
    const expect = layOut(item.spec, parts);
    const logical: string[] = [];
    let line = item.indent;
    for (const part of parts) {
      if (part.kind === "text") {
        const t = fix(part.text);
        line += t;
        logical.push(t);
        continue;
      }
      const layout = file.gaps[gapIndex++] ?? { ws: " ", cont: null };
      const cont = layout.cont;
      let ws = layout.ws;
      let joined = "";
      let physical = "";
      if (cont) {
        physical += e + cont.trailing + eol();
        for (const l of cont.interior) {
          if (l.kind === "comment") physical += `${l.indent}#${fix(l.text)}${eol()}`;
          else if (l.kind === "blank") physical += l.ws + eol();
          else {
            // A line of just the escape character continues too, and keeps its leading blanks.
            physical += l.ws + e + eol();
            joined += l.ws;
          }
        }
        physical += cont.indent;
        joined += cont.indent;
      }
      // Words need a blank between them in the joined line; JSON allows only space, tab, CR and LF.
      if (!part.optional && ws + joined === "") ws = " ";
      if (part.optional) ws = ws.replace(/[\v\f]/g, " ");
      line += ws + physical;
      logical.push(ws + joined);
    }
    line += item.trailing;
    let tail = item.trailing;
    const isLast = itemIndex === file.items.length - 1;
    const heredocs = allHeredocs(item.spec);
    const dangles = isLast && file.dangling !== null && heredocs.length === 0;
    if (dangles) {
      // A continuation still open at the end of the file just ends the instruction.
      line += file.dangling + e;
      tail += file.dangling;
    }
    out += line;
    let endLine = lineCount(out);
    out += eol();
    const bodies: string[] = [];
    for (const h of heredocs) {
      // A heredoc body keeps its line endings, as written.
      const body = h.lines.map((l) => l + eol()).join("");
      bodies.push(body);
      out += body + h.terminatorTabs + h.name;
      endLine = lineCount(out);
      out += eol();
    }
    expected.push(expect({ bodies, logical, tail, comments, startLine, endLine }));
    comments = [];
  });
  for (const t of file.after) out += triviaLine(t);
  if (!file.finalEol) out = out.replace(/\r?\n$/, "");
  const last = expected[expected.length - 1]!;
  if (file.dangling !== null && last.heredocs.length === 0) {
    // The open continuation takes in the comment and blank lines after it, to the end of the file.
    const end = lineCount(out.replace(/\n$/, ""));
    last.endLine = end;
    if (last.trigger) last.trigger.endLine = end;
  }
  return { text: out, escape: e, instructions: expected };
}

// The lossless syntax tree. Every byte of the input belongs to exactly one leaf, and the leaves, read in
// order, spell the input again. Interior nodes carry what BuildKit's parser makes of their text.

/** A point in the text: a UTF-16 offset, and 0-based line and UTF-16 column as LSP counts them. */
export interface Position {
  offset: number;
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = "error" | "warning" | "info" | "hint";

export interface Diagnostic {
  code: string;
  /** Kebab-case name of the problem, addressable like a rule name. */
  name: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** Leaf kinds: the text itself. */
export type TokenKind =
  | "bom"
  | "whitespace"
  | "newline"
  | "continuation" // the escape character ending a line, with spaces or tabs after it
  | "comment" // a whole comment line, `#` and all, without its line break
  | "text" // any other piece of instruction text
  | "heredoc-line"; // one line of a heredoc body or its terminator, without the line break

export interface Token {
  kind: TokenKind;
  range: Range;
  text: string;
  children: readonly [];
}

export interface NodeBase {
  range: Range;
  /** Leaves and nodes in source order; their texts joined give this node's text. */
  children: SyntaxNode[];
}

export type SyntaxNode =
  | Token
  | Dockerfile
  | Directive
  | Instruction
  | Keyword
  | Flag
  | Word
  | KeyValue
  | JsonArray
  | JsonString
  | ShellCommand
  | Heredoc;

export interface Dockerfile extends NodeBase {
  kind: "dockerfile";
  /** The source the tree was parsed from (BOM included when present). */
  text: string;
  escape: "\\" | "`";
  hasBom: boolean;
  directives: Directive[];
  instructions: Instruction[];
}

export interface Directive extends NodeBase {
  kind: "directive";
  /** Lower-case key: `syntax`, `escape` or `check`. */
  name: string;
  value: string;
  nameRange: Range;
  valueRange: Range;
}

export interface Keyword extends NodeBase {
  kind: "keyword";
  /** The keyword as written. */
  text: string;
}

export interface Flag extends NodeBase {
  kind: "flag";
  /** Name without dashes, as written (`mount`, `from`). */
  name: string;
  /** The value after `=`, quotes removed and escapes resolved; null for `--link`. */
  value: string | null;
  /** The whole flag as BuildKit stores it: `--name=value`, unquoted. */
  raw: string;
  nameRange: Range;
  valueRange: Range | null;
}

/** An argument word with its text as written: quotes and escapes are kept (they are resolved on expansion). */
export interface Word extends NodeBase {
  kind: "word";
  value: string;
}

/** `key=value` of ENV, LABEL and ARG, or ENV/LABEL's legacy `key value`. */
export interface KeyValue extends NodeBase {
  kind: "key-value";
  key: string;
  /** null for `ARG name` without a default. */
  value: string | null;
  /** `=` for `k=v`, `""` for the legacy whitespace form, null for a bare ARG name. */
  separator: "=" | "" | null;
  /** The argument as BuildKit's AST holds it for ARG (`name=default` in one piece). */
  raw: string;
  keyRange: Range;
  valueRange: Range | null;
}

export interface JsonArray extends NodeBase {
  kind: "json-array";
  elements: JsonString[];
}

export interface JsonString extends NodeBase {
  kind: "json-string";
  /** The decoded string. */
  value: string;
}

/** Shell-form command text of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD, continuations joined. */
export interface ShellCommand extends NodeBase {
  kind: "shell-command";
  value: string;
}

export interface Heredoc extends NodeBase {
  kind: "heredoc";
  /** The delimiter with quotes removed. */
  name: string;
  /** False when any part of the delimiter was quoted: the body is then not expanded. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  chomp: boolean;
  fileDescriptor: number;
  /** The marker in the instruction line, `<<-"EOF"` for instance. */
  markerRange: Range;
  /** The raw body, line endings kept, terminator excluded. */
  content: string;
  bodyRange: Range;
  /** The terminator line; null when the heredoc is unterminated. */
  terminatorRange: Range | null;
}

export type InstructionName =
  | "FROM"
  | "RUN"
  | "CMD"
  | "LABEL"
  | "MAINTAINER"
  | "EXPOSE"
  | "ENV"
  | "ADD"
  | "COPY"
  | "ENTRYPOINT"
  | "VOLUME"
  | "USER"
  | "WORKDIR"
  | "ARG"
  | "ONBUILD"
  | "STOPSIGNAL"
  | "HEALTHCHECK"
  | "SHELL";

/** How an instruction's arguments were written. */
export type ArgumentForm =
  | "none" // no arguments at all
  | "json" // exec form: a JSON array of strings
  | "shell" // shell form: one command string
  | "words" // whitespace-separated words
  | "string" // the whole rest as one string (USER, WORKDIR, ...)
  | "key-value" // ENV/LABEL `k=v ...`, or ARG declarations
  | "legacy-key-value" // ENV/LABEL `k v`
  | "instruction"; // ONBUILD's trigger

export interface Instruction extends NodeBase {
  kind: "instruction";
  keyword: Keyword;
  /** Upper-case instruction name; for an unknown keyword, the keyword upper-cased. */
  name: string;
  isKnown: boolean;
  flags: Flag[];
  form: ArgumentForm;
  /** The arguments in order: words, key-values, one shell command, or one JSON array. */
  args: Array<Word | KeyValue | ShellCommand | JsonArray>;
  /** HEALTHCHECK's type word (`CMD`, `NONE`). */
  healthcheckType: Word | null;
  /** ONBUILD's trigger. */
  trigger: Instruction | null;
  heredocs: Heredoc[];
  /** The logical line as BuildKit rebuilt it: continuations joined, comment lines dropped. */
  original: string;
  /** Comments right before the instruction, as BuildKit collects them (`#` and surrounding space removed). */
  comments: string[];
  /** 1-based first and last physical line as BuildKit counts them (heredoc bodies included). */
  startLine: number;
  endLine: number;
}

export function isToken(node: SyntaxNode): node is Token {
  return node.children.length === 0 && "text" in node && node.kind !== "keyword";
}

// The part of mvdan-sh (mvdan/sh's syntax package compiled to JS by GopherJS) that dflint uses. The package ships
// no types. Its API hands out wrapper objects (positions are methods, slices are arrays), which cost far more to
// read than the parse itself; dflint's own walks read the Go values behind them (GoValue, see go-node.ts).
declare module "mvdan-sh" {
  /** A Go value as GopherJS lays it out: a struct pointer with its fields as properties, a slice, a Pos. */
  export interface GoValue {
    readonly constructor: { readonly string?: string; readonly nil?: unknown };
    readonly [field: string]: unknown;
  }
  export interface ShPos {
    /** Byte offset in the UTF-8 encoding of the source. */
    Offset(): number;
    Line(): number;
    Col(): number;
  }
  export interface ShNode {
    Pos(): ShPos;
    End(): ShPos;
  }
  export interface ShFile extends ShNode {
    Stmts: ShNode[];
    /** The Go value behind the wrapper. */
    readonly __internal_object__: GoValue;
  }
  /** What Parse throws: a ParseError, or a LangError (valid in another dialect, with Feature set). */
  export interface ShParseError {
    Error(): string;
    Pos: ShPos;
    Text?: string;
    Feature?: string;
  }
  export interface ShParser {
    Parse(src: string, name: string): ShFile;
  }
  export type ShParserOption = { readonly __option: unique symbol };
  export type ShPrinterOption = { readonly __printerOption: unique symbol };
  /** The printer: formats a syntax tree back to shell text, ending with a newline. */
  export interface ShPrinter {
    Print(node: ShNode): string;
  }
  export interface ShSyntax {
    LangBash: number;
    LangPOSIX: number;
    Variant(lang: number): ShParserOption;
    NewParser(...options: ShParserOption[]): ShParser;
    KeepComments(enabled: boolean): ShParserOption;
    NewPrinter(...options: ShPrinterOption[]): ShPrinter;
    /** Indentation by this many spaces; 0 for tabs. */
    Indent(spaces: number): ShPrinterOption;
    /** Binary operators (`&&`, `||`, `|`) that start a line rather than end one. */
    BinaryNextLine(enabled: boolean): ShPrinterOption;
    NodeType(node: ShNode): string;
    /** Calls fn on each node depth-first, and with null after a node's children; false skips the children. */
    Walk(node: ShNode, fn: (node: ShNode | null) => boolean): void;
  }
  const sh: { syntax: ShSyntax };
  export default sh;
}

// The grammar's answer for an instruction depends only on its tokens' types (and on whether a key-value
// token has an `=`, which ENV and LABEL read to tell the legacy `key value` form): nearley matches types, and
// the postprocessors only arrange the tokens they are given. So each distinct type sequence is parsed once
// and remembered as a template, the shape with token indexes for tokens; an instruction with the same types
// gets the template filled with its own tokens. A file of a thousand `RUN ...` lines runs the grammar once.
// The grammar stays the source of truth: test/syntax/shape-memo.test.ts checks, over the corpus, that every
// remembered shape is what the grammar gives for that instruction.
import type { InstructionShape } from "../../grammar/shape.js";
import type { ArgumentToken, CoarseToken, FlagToken, KeywordToken, PairToken, ValueToken } from "./split-instruction.js";

type Template = {
  keyword: number;
  flags: number[];
  form: InstructionShape["form"];
  args: number[];
  healthcheckType: number | null;
  trigger: Template | null;
};

// The templates sit in a trie over the token types, walked without building a key string per instruction.
// A node's template is undefined until the grammar has answered for its type sequence (null: it rejected it).
type Node = { next: Map<string, Node>; template: Template | null | undefined };

// Bounded: a file of generated, ever-different instructions must not grow it without end.
const LIMIT = 4096;
let root: Node = newNode();
let remembered = 0;

/** What `grammar` gives for `tokens`, from a template when an instruction with the same types was parsed before. */
export function memoShape(tokens: readonly CoarseToken[], grammar: (tokens: readonly CoarseToken[]) => InstructionShape | null): InstructionShape | null {
  let node = nodeOf(root, tokens);
  const known = node.template;
  if (known !== undefined) return known ? fill(known, tokens) : null;
  const shape = grammar(tokens);
  const template = shape ? toTemplate(shape, tokens) : null;
  if (shape && !template) return shape; // not refillable (see toTemplate): answered, not remembered
  if (remembered >= LIMIT) {
    root = newNode();
    remembered = 0;
    node = nodeOf(root, tokens);
  }
  node.template = template;
  remembered++;
  return shape;
}

function newNode(): Node {
  return { next: new Map(), template: undefined };
}

/** The trie node for the tokens' type sequence, made on the way if new. */
function nodeOf(from: Node, tokens: readonly CoarseToken[]): Node {
  let node = from;
  for (const t of tokens) {
    const type = t.type === "pair" ? ((t as PairToken).separator === "=" ? "pair=" : "pair") : t.type;
    let next = node.next.get(type);
    if (!next) {
      next = newNode();
      node.next.set(type, next);
    }
    node = next;
  }
  return node;
}

function toTemplate(shape: InstructionShape, tokens: readonly CoarseToken[]): Template | null {
  const at = (token: unknown): number => tokens.indexOf(token as CoarseToken);
  const template: Template = {
    keyword: at(shape.keyword),
    flags: shape.flags.map(at),
    form: shape.form,
    args: shape.args.map(at),
    healthcheckType: shape.healthcheckType ? at(shape.healthcheckType) : null,
    trigger: null,
  };
  if (shape.trigger) {
    template.trigger = toTemplate(shape.trigger, tokens);
    if (!template.trigger) return null;
  }
  // A shape holding anything but the given tokens cannot be refilled: such a grammar change must not memoize.
  const indexes = [template.keyword, ...template.flags, ...template.args, template.healthcheckType ?? 0];
  return indexes.includes(-1) ? null : template;
}

function fill(t: Template, tokens: readonly CoarseToken[]): InstructionShape {
  return {
    keyword: tokens[t.keyword] as KeywordToken,
    flags: t.flags.map((i) => tokens[i] as FlagToken),
    form: t.form,
    args: t.args.map((i) => tokens[i] as ArgumentToken),
    healthcheckType: t.healthcheckType === null ? null : (tokens[t.healthcheckType] as ValueToken),
    trigger: t.trigger ? fill(t.trigger, tokens) : null,
  };
}

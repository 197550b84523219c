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

// Bounded: a file of generated, ever-different instructions must not grow it without end.
const LIMIT = 4096;
const templates = new Map<string, Template | null>();

/** What `grammar` gives for `tokens`, from a template when an instruction with the same types was parsed before. */
export function memoShape(tokens: readonly CoarseToken[], grammar: (tokens: readonly CoarseToken[]) => InstructionShape | null): InstructionShape | null {
  const key = typesOf(tokens);
  const known = templates.get(key);
  if (known !== undefined) return known ? fill(known, tokens) : null;
  const shape = grammar(tokens);
  const template = shape ? toTemplate(shape, tokens) : null;
  if (shape && !template) return shape; // not refillable (see toTemplate): answered, not remembered
  if (templates.size >= LIMIT) templates.clear();
  templates.set(key, template);
  return shape;
}

function typesOf(tokens: readonly CoarseToken[]): string {
  let key = "";
  for (const t of tokens) key += t.type === "pair" ? ((t as PairToken).separator === "=" ? "pair= " : "pair ") : t.type + " ";
  return key;
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

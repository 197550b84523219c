// What the grammar builds for each instruction: its coarse tokens grouped by role. The parser turns
// shapes into syntax-tree nodes with source ranges (src/syntax/build-instruction.ts).
import type {
  ArgumentToken,
  FlagToken,
  KeywordToken,
  ValueToken,
} from "../src/syntax/split-instruction.js";
import type { ArgumentForm } from "../src/syntax/tree.js";

export interface InstructionShape {
  keyword: KeywordToken;
  flags: FlagToken[];
  form: ArgumentForm;
  args: ArgumentToken[];
  healthcheckType: ValueToken | null;
  trigger: InstructionShape | null;
}

export function shape(
  keyword: KeywordToken,
  flags: FlagToken[],
  form: string,
  args: ArgumentToken[],
  healthcheckType: ValueToken | null = null,
  trigger: InstructionShape | null = null,
): InstructionShape {
  return { keyword, flags, form: form as ArgumentForm, args, healthcheckType, trigger };
}

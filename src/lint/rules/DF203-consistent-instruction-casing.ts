import type { Keyword } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";

export default defineRule({
  code: "DF203",
  name: "consistent-instruction-casing",
  aliases: ["ConsistentInstructionCasing"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Write every instruction keyword in the same case.",
    rationale: "Keywords are case-insensitive, but a file that mixes `RUN` and `run` (or writes `Run`) is harder to read; BuildKit asks for the case most keywords already use.",
    bad: "FROM alpine:3.20\nRUN apk add curl\ncopy . /app\nCMD [\"/app/run\"]",
    good: "FROM alpine:3.20\nRUN apk add curl\nCOPY . /app\nCMD [\"/app/run\"]",
  },
  fix: { safety: "safe", why: "Instruction keywords are case-insensitive; only their spelling changes." },
  check({ model, report }) {
    // BuildKit counts FROM and every instruction of every stage; global ARGs (before the first FROM)
    // are neither counted nor checked, nor are ONBUILD triggers. Mixed-case words (`From`) count for
    // neither side, and a tie goes to upper case.
    const keywords: Keyword[] = [];
    for (const stage of model.stages) {
      keywords.push(stage.from.keyword);
      for (const ins of stage.instructions) if (ins.isKnown) keywords.push(ins.keyword);
    }
    let lower = 0;
    let upper = 0;
    for (const k of keywords) {
      if (k.text === k.text.toLowerCase()) lower++;
      else if (k.text === k.text.toUpperCase()) upper++;
    }
    const isLower = lower > upper;
    for (const k of keywords) {
      const want = isLower ? k.text.toLowerCase() : k.text.toUpperCase();
      if (k.text === want) continue;
      report({
        range: k.range,
        message: `Command '${k.text}' should match the case of the command majority (${isLower ? "lowercase" : "uppercase"}).`,
        edits: [{ start: k.range.start.offset, end: k.range.end.offset, text: want }],
      });
    }
  },
});

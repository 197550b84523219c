import type { SimpleCommand } from "../../model/shell/types.js";
import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { basename, isArchivePath } from "./util/instructions-archives.js";
import { copyOperands, type Operand } from "./util/instructions-operands.js";

// hadolint's unpacking commands besides tar.
const UNPACKERS = new Set(["unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat"]);

// `tar` extracts with `-x` in a cluster of short options, `--extract`/`--get`, or `x` in the old-style
// option word that comes first (`tar xzf a.tgz`).
function isTarExtract(cmd: SimpleCommand): boolean {
  return cmd.args.some((a, i) => {
    const v = a.value;
    if (v === null) return false;
    if (v === "--extract" || v === "--get") return true;
    if (/^-[A-Za-z0-9]+$/.test(v) && v.includes("x")) return true;
    return i === 0 && /^[A-Za-z]+$/.test(v) && v.includes("x");
  });
}

function unpacks(cmd: SimpleCommand, archive: string): boolean {
  const name = cmd.name?.value;
  if (!name) return false;
  const tool = basename(name);
  if (tool !== "tar" && !UNPACKERS.has(tool)) return false;
  if (tool === "tar" && !isTarExtract(cmd)) return false;
  return cmd.args.some((a) => a.value !== null && !a.value.startsWith("-") && basename(a.value) === archive);
}

export default defineRule({
  code: "DL3010",
  name: "archive-copied-then-extracted",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Use ADD to put an archive's contents into the image, not COPY and then extract it.",
    rationale: "ADD unpacks a local tar archive in one step; COPY followed by `tar -x` keeps the archive in a layer of its own, so the image carries both the archive and its contents.",
    bad: "FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt",
    good: "FROM alpine:3.20\nADD app.tar.gz /opt/",
  },
  fix: null, // ADD unpacks into its destination; where the RUN extracted to, and what else it did, differ
  check({ model, scripts, report }) {
    for (const stage of model.stages) {
      // hadolint: archives COPY'd from the build context (not --from) in this stage, by basename; if
      // the destination itself names an archive, only that name counts.
      const copied: Array<{ operand: Operand; name: string; ins: Instruction }> = [];
      const reported = new Set<Operand>();
      for (const ins of stage.instructions) {
        if (ins.name === "COPY" && !ins.flags.some((f) => f.name === "from")) {
          const ops = copyOperands(ins);
          if (!ops) continue;
          if (isArchivePath(ops.dest.path)) copied.push({ operand: ops.dest, name: basename(ops.dest.path), ins });
          else for (const s of ops.sources) if (!s.heredoc && isArchivePath(s.path)) copied.push({ operand: s, name: basename(s.path), ins });
        } else if (ins.name === "RUN" && copied.length > 0) {
          const commands = scripts(ins).flatMap((s) => (s.kind === "parsed" ? s.commands : []));
          for (const c of copied) {
            if (reported.has(c.operand) || !commands.some((cmd) => unpacks(cmd, c.name))) continue;
            reported.add(c.operand);
            report({ range: c.operand.range, message: `'${c.name}' is copied here and extracted by a later RUN; ADD would unpack it in one layer.` });
          }
        }
      }
    }
  },
});

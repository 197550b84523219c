import { defineRule } from "../rule.js";
import { isArchivePath, mayBeArchive } from "./util/instructions-archives.js";
import { copyOperands } from "./util/instructions-operands.js";

const isUrl = (path: string) => path.startsWith("https://") || path.startsWith("http://");
// BuildKit's ADD also clones Git repositories (`git@host:repo.git`, `ssh://`, `git://`), which COPY
// cannot; hadolint flags those too, which is a false positive this rule avoids.
const isGit = (path: string) => /^(git@|ssh:\/\/|git:\/\/)/.test(path);
// ADD flags COPY does not have: with one of these, COPY is no replacement.
const ADD_ONLY_FLAGS = new Set(["checksum", "keep-git-dir", "unpack"]);

export default defineRule({
  code: "DL3020",
  name: "add-for-plain-files",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "Use COPY, not ADD, for files and directories.",
    rationale: "ADD also fetches URLs and unpacks archives; for plain files COPY does the same copy and says only that, so nothing gets unpacked by surprise.",
    bad: "FROM python:3.12-slim\nADD requirements.txt /app/",
    good: "FROM python:3.12-slim\nCOPY requirements.txt /app/",
  },
  fix: {
    safety: "safe",
    why: "For sources that are neither URLs nor archives COPY copies exactly what ADD does; it is offered only when no source could be an archive by its name (any compressed tar, or a glob), since ADD unpacks local tars.",
    changes: "add-to-copy",
  },
  check({ model, report }) {
    // hadolint: ADD where some source is neither an archive by its name nor an http(s) URL. ONBUILD ADD
    // is not checked, as in hadolint.
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.name !== "ADD") continue;
        const ops = copyOperands(ins);
        if (!ops) continue;
        const plain = ops.sources.filter((s) => !isArchivePath(s.path) && !isUrl(s.path) && !isGit(s.path));
        if (plain.length === 0) continue;
        // Several sources need a destination ending in `/`; without one, the COPY would only trade this
        // finding for DL3021's error (whose own fix, or the author, adds the slash first).
        const destIsDirectory = ops.sources.length < 2 || ops.dest.heredoc !== null || /[/\\]$/.test(ops.dest.path);
        const canFix =
          destIsDirectory &&
          !ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase())) &&
          ops.sources.every((s) => s.heredoc !== null || (!isUrl(s.path) && !isGit(s.path) && !s.path.includes("$") && !mayBeArchive(s.path)));
        const keyword = ins.keyword;
        const copy = keyword.text === keyword.text.toLowerCase() ? "copy" : "COPY";
        report({
          range: keyword.range,
          message: `ADD copies '${plain[0]!.path}', which is neither a URL nor an archive; use COPY.`,
          edits: canFix ? [{ start: keyword.range.start.offset, end: keyword.range.end.offset, text: copy }] : undefined,
        });
      }
    }
  },
});

import type { Scope } from "../../model/model.js";
import type { ShellWord } from "../../model/shell/types.js";
import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions } from "./util/shell-commands.js";
import { insertArgumentAfter } from "./util/shell-edits.js";
import { hasOption, parseOptions } from "./util/shell-options.js";

// useradd's options that take a value (shadow-utils).
const USERADD_OPTIONS = {
  shortWithValue: "bcdefgGkKpsuRPZ",
  longWithValue: [
    "base-dir", "comment", "home-dir", "expiredate", "inactive", "gid", "groups", "skel", "key", "password", "shell", "uid",
    "root", "prefix", "selinux-user", "selinux-range", "btrfs-subvolume-home",
  ],
};

// The UID as the build will see it: literal, or `$UID`/`${UID}` with a value the Dockerfile gives.
function uidValue(value: string | null | undefined, word: ShellWord, scope: Scope): string | null {
  if (typeof value === "string") return value;
  if (value === undefined) return null;
  const m = /^["']?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))["']?$/.exec(word.text.replace(/^-u|^--uid=/, ""));
  const name = m ? (m[1] ?? m[2])! : null;
  return name ? (scope.get(name)?.value ?? null) : null;
}

export default defineRule({
  code: "DL3046",
  name: "useradd-large-uid-without-l",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use `useradd -l` (--no-log-init) when giving a user a large UID.",
    rationale:
      "useradd records every user in /var/log/lastlog and faillog, sparse files indexed by UID; a layer cannot keep them sparse, so a UID in the millions writes gigabytes of zeros into the image.",
    bad: "FROM debian:12.5\nRUN useradd -u 1000000 app\n",
    good: "FROM debian:12.5\nRUN useradd -l -u 1000000 app\n",
  },
  fix: { safety: "safe", why: "-l only skips the lastlog and faillog entries, which a container never uses.", changes: "command-option" },
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "useradd")) {
        const parsed = parseOptions(inv.args, USERADD_OPTIONS);
        if (hasOption(parsed, "l", "no-log-init")) continue;
        const uid = parsed.options.find((o) => o.name === "u" || o.name === "uid");
        if (!uid) continue;
        const value = uidValue(uid.value, uid.valueWord ?? uid.word, context.model.scopeAt(ins));
        // hadolint's measure: more than five characters, 100000 and up. An unknown UID is not flagged.
        if (value === null || value.length <= 5) continue;
        const end = (uid.valueWord ?? uid.word).range.end;
        context.report({
          range: { start: uid.word.range.start, end },
          message: `'useradd' with the large UID '${value}' and without -l writes a huge sparse lastlog into the layer; add -l.`,
          edits: [insertArgumentAfter(inv.name, "-l", inv.dialect)],
        });
      }
    }
  },
});

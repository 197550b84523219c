import { defineRule } from "../rule.js";
import { invocations, runInstructions, shown } from "./util/shell-commands.js";
import { hasOption } from "./util/shell-options.js";
import { pipInstall } from "./util/shell-pip.js";

const VERSION_SYMBOLS = ["==", ">=", "<=", ">", "<", "!=", "~=", "==="];
// pip's VCS schemes (https://pip.pypa.io/en/stable/topics/vcs-support/), as hadolint lists them.
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;

// hadolint's test: a version specifier, a VCS URL with `@ref`, a wheel or sdist file, or a path.
function isPinned(pkg: string): boolean {
  if (VERSION_SYMBOLS.some((s) => pkg.includes(s))) return true;
  if (VCS.test(pkg)) return pkg.replace(/^[^:]+:\/\/[^/]*/, "").includes("@");
  return pkg.endsWith(".whl") || pkg.endsWith(".tar.gz") || pkg.includes("/");
}

export default defineRule({
  code: "DL3013",
  name: "pip-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages installed with `pip install`, or install from a requirements file.",
    rationale:
      "`pip install flask` takes whatever release is newest when the image is built, so rebuilding the same Dockerfile can bring in breaking changes.",
    bad: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
    good: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n",
  },
  fix: null, // which version to pin is the author's call
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocations(context, ins)) {
        const pip = pipInstall(inv);
        if (!pip) continue;
        const { parsed } = pip;
        // A requirements or constraints file, or the project in `.`, pins (or not) elsewhere.
        if (hasOption(parsed, "r", "requirement", "c", "constraint")) continue;
        if (parsed.operands.some((w) => w.value === ".")) continue;
        for (const pkg of parsed.operands) {
          // `$PACKAGES` may hold pinned names: unknown is not unpinned. `"flask==${VERSION}"` is pinned.
          if (pkg.value === null || isPinned(pkg.value)) continue;
          const pinned = VCS.test(pkg.value) ? `${pkg.value}@<tag>` : `${pkg.value}==<version>`;
          context.report({ range: pkg.range, message: `Package '${shown(pkg)}' is not pinned; install '${pinned}' or use a requirements file.` });
        }
      }
    }
  },
});

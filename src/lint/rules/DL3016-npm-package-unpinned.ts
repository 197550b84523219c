import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions, shown } from "./util/shell-commands.js";
import { parseOptions } from "./util/shell-options.js";

// npm's options that take a value (hadolint drops the values of --loglevel and --registry; the rest are npm's).
const NPM_OPTIONS = {
  shortWithValue: "wC",
  longWithValue: ["loglevel", "registry", "prefix", "cache", "userconfig", "globalconfig", "workspace", "omit", "include", "tag", "install-strategy"],
};

// `npm install` and its documented aliases.
const INSTALL = new Set(["install", "i", "add"]);

// hadolint's test: a git URL needs `#ref`; tarballs and folders are pinned; anything else needs `@version`
// after its `@scope/`. A `#ref` also pins the GitHub shorthands (`user/repo#v1`, `github:user/repo#v1`).
function isPinned(pkg: string): boolean {
  if (/^git(\+(ssh|https?|file))?:\/\//.test(pkg)) return pkg.includes("#");
  if (/\.(tar|tar\.gz|tgz)$/.test(pkg)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/)/.test(pkg) || pkg === "." || pkg === ".." || pkg.startsWith("file:")) return true;
  if (pkg.includes("#")) return true;
  const name = pkg.startsWith("@") ? pkg.slice(pkg.indexOf("/") + 1) : pkg;
  return name.includes("@");
}

export default defineRule({
  code: "DL3016",
  name: "npm-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages installed with `npm install <package>`.",
    rationale:
      "`npm install -g typescript` takes whatever release is newest when the image is built, so rebuilding the same Dockerfile can bring in breaking changes.",
    bad: "FROM node:20.12-slim\nRUN npm install -g typescript\n",
    good: "FROM node:20.12-slim\nRUN npm install -g typescript@5.4.5\n",
  },
  fix: null, // which version to pin is the author's call
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "npm")) {
        const npm = parseOptions(inv.args, NPM_OPTIONS);
        // The subcommand must come first: `npm run install` runs a script. A bare `npm install` installs what
        // package.json (and its lock file) says, which is pinned there.
        const [sub, ...packages] = npm.operands;
        if (!sub || sub.value === null || !INSTALL.has(sub.value)) continue;
        for (const pkg of packages) {
          // `$PACKAGES` may hold pinned names: unknown is not unpinned.
          if (pkg.value === null || isPinned(pkg.value)) continue;
          const pinned = /^git(\+[a-z]+)?:\/\//.test(pkg.value) ? `${pkg.value}#<tag>` : `${pkg.value}@<version>`;
          context.report({ range: pkg.range, message: `Package '${shown(pkg)}' is not pinned; install '${pinned}'.` });
        }
      }
    }
  },
});

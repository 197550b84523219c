import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions, shown } from "./util/shell-commands.js";
import { parseOptions } from "./util/shell-options.js";

// The build flags of go install/get/run that take a value; Go's flag package reads `-name value`,
// `-name=value` and `--name`, and stops at the first operand.
const GO_OPTIONS = {
  goStyle: true,
  stopAtOperand: true,
  longWithValue: [
    "C", "o", "p", "asmflags", "buildmode", "compiler", "covermode", "coverpkg", "exec", "gccgoflags", "gcflags",
    "installsuffix", "ldflags", "mod", "modfile", "overlay", "pgo", "pkgdir", "tags", "toolexec",
  ],
};

// Version queries that move: they name no one version.
const MOVING = new Set(["latest", "none", "upgrade", "patch"]);

// Packages whose version comes from the module itself, or from no module: local directories and files
// (`.`, `./cmd/x`, `/src/x`, `main.go`), and paths without a domain (`tool`, `all`, `std`, `cmd/x`), which
// name the standard library or a package of the main module. Only a path with a domain needs `@version`.
function isLocal(pkg: string): boolean {
  if (pkg.startsWith(".") || pkg.startsWith("/") || pkg.endsWith(".go")) return true;
  const first = pkg.split("@", 1)[0]!.split("/", 1)[0]!;
  return !first.includes(".");
}

function isPinned(pkg: string): boolean {
  const at = pkg.lastIndexOf("@");
  return at > 0 && at < pkg.length - 1 && !MOVING.has(pkg.slice(at + 1));
}

export default defineRule({
  code: "DL3062",
  name: "go-module-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the version of modules installed with `go install`, `go get` or `go run`: `module/path@v1.2.3`.",
    rationale:
      "Without `@version`, or with `@latest`, each build fetches whatever the module's newest release is that day, so rebuilding the same Dockerfile can bring in breaking changes.",
    bad: "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n",
    good: "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3\n",
  },
  fix: null, // which version to pin is the author's call
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "go")) {
        const sub = inv.args[0]?.value;
        if (sub !== "install" && sub !== "get" && sub !== "run") continue;
        const { operands } = parseOptions(inv.args.slice(1), GO_OPTIONS);
        // `go run pkg args...`: only the first operand is a package, the rest are the program's arguments.
        const packages = sub === "run" ? operands.slice(0, 1) : operands;
        for (const pkg of packages) {
          const v = pkg.value;
          // `$TOOL` or `pkg@${VERSION}` may hold a version: unknown is not unpinned.
          if (v === null || isLocal(v) || isPinned(v)) continue;
          const at = v.lastIndexOf("@");
          const what = at > 0 ? `is at the moving version '${v.slice(at + 1)}'` : "has no version";
          context.report({ range: pkg.range, message: `Module '${shown(pkg)}' ${what}; use '${at > 0 ? v.slice(0, at) : v}@<version>'.` });
        }
      }
    }
  },
});

// The shell scripts of RUN instructions: commands with their words and ranges, as rules ask for them.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { LineIndex, parse, type Instruction, type Range } from "../../src/index.js";
import { findFlag, hasFlag } from "../../src/model/shell/command-flags.js";
import { goSpan, walkStatements } from "../../src/model/shell/go-node.js";
import { runScripts, type RunScript, type SimpleCommand } from "../../src/model/shell/parse-run.js";
import { parseShell, shSyntax } from "../../src/model/shell/shell-parser.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

const at = (text: string, r: Range) => text.slice(r.start.offset, r.end.offset);

/** The scripts of the n-th RUN (or ONBUILD) of a Dockerfile. */
function scripts(text: string, shell?: readonly string[], n = 0): RunScript[] {
  const { tree } = parse(text);
  const runs = tree.instructions.filter((i) => i.name === "RUN" || i.name === "ONBUILD");
  return runScripts(runs[n]!, text, new LineIndex(text), shell);
}

/** The commands of a RUN's only script, which must have parsed. */
function commands(text: string, shell?: readonly string[]): SimpleCommand[] {
  const s = scripts(text, shell);
  expect(s).toHaveLength(1);
  expect(s[0]).toMatchObject({ kind: "parsed" });
  return s[0]!.kind === "parsed" ? s[0]!.commands : [];
}

const names = (cmds: SimpleCommand[]) => cmds.map((c) => c.name?.value ?? null);
const aptInstalls = (cmds: SimpleCommand[]) => cmds.filter((c) => c.name?.value === "apt-get" && c.args.some((a) => a.value === "install"));

describe("apt-get install and -y", () => {
  it("finds -y alone, combined with other short flags, and in its long forms", () => {
    const yes = ["-y", "-qy", "-yq", "-qqy", "--yes", "--assume-yes", "--yes=true", "--assume-yes=1", "'-y'", '"-qy"'];
    for (const flag of yes) {
      const [cmd] = aptInstalls(commands(`RUN apt-get install ${flag} curl`));
      expect(hasFlag(cmd!, "-y", "--yes", "--assume-yes"), flag).toBe(true);
    }
  });

  it("sees no -y where there is none, or where it is not an option", () => {
    const no = ["", "-q", "-qq", "--no-install-recommends", "-- -y", "--yesno", "$FLAGS", "-o=APT::Get::Assume-Yes=true", "y", "-"];
    for (const flag of no) {
      const [cmd] = aptInstalls(commands(`RUN apt-get install ${flag} curl`));
      expect(hasFlag(cmd!, "-y", "--yes", "--assume-yes"), flag).toBe(false);
    }
  });

  it("gives the word that carries the flag", () => {
    const text = "RUN apt-get -q install -qy curl";
    const [cmd] = commands(text);
    const word = findFlag(cmd!, "-y");
    expect(word?.text).toBe("-qy");
    expect(at(text, word!.range)).toBe("-qy");
    expect(findFlag(cmd!, "-q")?.text).toBe("-q"); // the first one
  });

  it("matches a multi-letter single-dash option whole, and reads any letters-only word as a cluster", () => {
    const [cmd] = commands("RUN find / -name x -xdev");
    expect(hasFlag(cmd!, "-name")).toBe(true);
    expect(hasFlag(cmd!, "-xdev", "-mount")).toBe(true);
    expect(hasFlag(cmd!, "-print")).toBe(false);
    // Only find itself knows that -name is one option: as a cluster it holds -n, so rules ask per command.
    expect(hasFlag(cmd!, "-n")).toBe(true);
  });
});

describe("commands wherever they are", () => {
  it("in &&, ||, ; chains and pipelines, in source order", () => {
    const cmds = commands("RUN apt-get update && apt-get install -y curl || echo failed; curl -s x | tar -xz -C /opt | tee log");
    expect(names(cmds)).toEqual(["apt-get", "apt-get", "echo", "curl", "tar", "tee"]);
    expect(aptInstalls(cmds)).toHaveLength(1);
  });

  it("in subshells, groups, $(...), backticks and process substitution", () => {
    const cmds = commands("RUN (cd /src && make) ; { echo a; } ; v=$(uname -m) ; w=`id -u` ; echo \"$(cat f)\"");
    expect(names(cmds)).toEqual(["cd", "make", "echo", null, "uname", null, "id", "echo", "cat"]);
  });

  it("in if, for, while, case and function bodies", () => {
    const text = "RUN if [ -f x ]; then apt-get install -y a; else yum install b; fi; for p in a b; do pip install $p; done; while false; do sleep 1; done; case $A in x) apk add c;; esac; f() { g; }";
    expect(names(commands(text))).toEqual(["[", "apt-get", "yum", "pip", "false", "sleep", "apk", "g"]);
  });

  it("with their assignments, and bare assignments without a name", () => {
    const text = 'RUN DEBIAN_FRONTEND=noninteractive TZ="Etc/UTC" apt-get install -y tzdata && A=1 B=$(x)';
    const cmds = commands(text);
    expect(cmds[0]).toMatchObject({ assignments: ["DEBIAN_FRONTEND=noninteractive", 'TZ="Etc/UTC"'], name: { value: "apt-get" } });
    expect(cmds[1]).toMatchObject({ name: null, args: [], assignments: ["A=1", "B=$(x)"] });
    expect(at(text, cmds[0]!.range)).toBe('DEBIAN_FRONTEND=noninteractive TZ="Etc/UTC" apt-get install -y tzdata');
  });

  it("with redirections in the command's range", () => {
    const text = "RUN >/dev/null curl -fsSL x 2>&1 | sh";
    const [curl] = commands(text);
    expect(at(text, curl!.range)).toBe(">/dev/null curl -fsSL x 2>&1");
    expect(curl!.args.map((a) => a.value)).toEqual(["-fsSL", "x"]); // redirections are not arguments
  });

  it("reads export and declare as commands in both dialects", () => {
    for (const shell of [undefined, ["/bin/bash", "-c"]]) {
      const cmds = commands("RUN export PATH=/x:$PATH LANG=C && declare -r N=1", shell);
      expect(cmds.map((c) => [c.name?.value, c.args.map((a) => a.value)])).toEqual([
        ["export", [null, "LANG=C"]],
        ["declare", ["-r", "N=1"]],
      ]);
    }
  });
});

describe("words", () => {
  it("keep the text as written and give the value without quotes, or null with expansions", () => {
    const text = `RUN echo plain 'single $x' "double \\"q\\" \\$x" mi"x"'ed' a\\ b "$HOME" \${V:-d} ~/x *.deb ""`;
    const [echo] = commands(text);
    expect(echo!.args.map((a) => [a.text, a.value])).toEqual([
      ["plain", "plain"],
      ["'single $x'", "single $x"],
      ['"double \\"q\\" \\$x"', 'double "q" $x'],
      [`mi"x"'ed'`, "mixed"],
      ["a\\ b", "a b"],
      ['"$HOME"', null],
      ["${V:-d}", null],
      ["~/x", "~/x"], // tilde and globs stay as written
      ["*.deb", "*.deb"],
      ['""', ""],
    ]);
    for (const a of echo!.args) expect(at(text, a.range)).toBe(a.text);
  });

  it("map ranges past non-ASCII text (the parser counts UTF-8 bytes)", () => {
    const text = "RUN echo 'héllo wörld 🐳' && apt-get install -y curl";
    const cmds = commands(text);
    expect(cmds[0]!.args[0]!.value).toBe("héllo wörld 🐳");
    expect(at(text, cmds[0]!.args[0]!.range)).toBe("'héllo wörld 🐳'");
    expect(at(text, cmds[1]!.args[1]!.range)).toBe("-y");
  });
});

describe("ranges across continuations", () => {
  const text = [
    "FROM debian",
    "RUN apt-get update \\",
    "  # a comment line inside the continuation",
    "  && apt-get install \\",
    "       -y \\",
    "       curl \\",
    "  && rm -rf /var/lib/apt/lists/*",
    "",
  ].join("\n");

  it("point at the words in the Dockerfile, lines and columns included", () => {
    const cmds = commands(text);
    expect(names(cmds)).toEqual(["apt-get", "apt-get", "rm"]);
    const y = findFlag(cmds[1]!, "-y")!;
    expect(at(text, y.range)).toBe("-y");
    expect(y.range.start).toMatchObject({ line: 4, character: 7 });
    const rm = cmds[2]!;
    expect(rm.range.start).toMatchObject({ line: 6, character: 5 });
    expect(at(text, rm.args[1]!.range)).toBe("/var/lib/apt/lists/*");
  });

  it("span the continuation when the command does", () => {
    const install = commands(text)[1]!;
    expect(at(text, install.range)).toBe("apt-get install \\\n       -y \\\n       curl");
    expect(install.range.start.line).toBe(3);
    expect(install.range.end.line).toBe(5);
  });

  it("work with a CRLF file and the backtick escape", () => {
    const crlf = "# escape=`\r\nFROM windows\r\nRUN echo a `\r\n  && apt-get install -qy b\r\n";
    const cmds = commands(crlf);
    expect(names(cmds)).toEqual(["echo", "apt-get"]);
    expect(at(crlf, findFlag(cmds[1]!, "-y")!.range)).toBe("-qy");
  });
});

describe("heredocs", () => {
  it("RUN <<EOF: the body is the script, ranges in the body", () => {
    const text = "FROM alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\n";
    const cmds = commands(text);
    expect(names(cmds)).toEqual(["set", "apk"]);
    expect(at(text, cmds[1]!.range)).toBe("apk add --no-cache curl");
    expect(cmds[1]!.range.start).toMatchObject({ line: 3, character: 0 });
  });

  it("RUN <<-EOF: tabs are stripped as BuildKit does, and ranges still point at the words", () => {
    const text = "FROM alpine\nRUN <<-EOT\n\tcat <<X > /f\n\thello\n\tX\n\tapk add curl\n\tEOT\n";
    const cmds = commands(text);
    expect(names(cmds)).toEqual(["cat", "apk"]); // the inner heredoc ends at the tab-stripped `X`
    expect(at(text, cmds[1]!.range)).toBe("apk add curl");
    expect(cmds[1]!.range.start).toMatchObject({ line: 5, character: 1 });
  });

  it("RUN cat <<EOF > f: the command line is the script and the body is data", () => {
    const text = "FROM alpine\nRUN cat <<EOF > /etc/apt/sources.list && apt-get update\ndeb http://x y main\napt-get install nothing\nEOF\n";
    const cmds = commands(text);
    expect(names(cmds)).toEqual(["cat", "apt-get"]);
    expect(at(text, cmds[0]!.range)).toBe("cat <<EOF > /etc/apt/sources.list");
  });

  it("runs a command substitution inside an unquoted body", () => {
    const text = "FROM alpine\nRUN cat <<EOF > /f\nversion=$(uname -r)\nEOF\n";
    const cmds = commands(text);
    expect(names(cmds)).toEqual(["cat", "uname"]);
    expect(at(text, cmds[1]!.range)).toBe("uname -r");
  });

  it("RUN bash <<EOF: a body fed to a shell is a second script, in that shell's dialect", () => {
    // <<'EOF': unquoted, /bin/sh would expand ${arr[@]} in the body itself (dash: "Bad substitution").
    const text = "FROM debian\nRUN bash -e <<'EOF' && sh <<B\narr=(a b)\napt-get install -y \"${arr[@]}\"\nEOF\necho b\nB\n";
    const s = scripts(text);
    expect(s.map((x) => x.kind === "parsed" && [x.dialect, names(x.commands)])).toEqual([
      ["posix", ["bash", "sh"]],
      ["bash", [null, "apt-get"]],
      ["posix", ["echo"]],
    ]);
    const body = s[1]!.kind === "parsed" ? s[1]!.commands[1]! : null;
    expect(at(text, body!.range)).toBe('apt-get install -y "${arr[@]}"');
  });

  it("not for `sh -c`, where standard input is only data", () => {
    const text = "FROM debian\nRUN sh -c 'cat' <<EOF\nnot a script (\nEOF\n";
    expect(scripts(text)).toHaveLength(1);
  });

  it("a shebang picks the interpreter: a shell is parsed, anything else is not", () => {
    const bash = scripts("FROM debian\nRUN <<EOF\n#!/usr/bin/env bash\na=(1 2)\necho ${a[1]}\nEOF\n");
    expect(bash).toMatchObject([{ kind: "parsed", dialect: "bash" }]);
    const py = scripts("FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint('hi')\nEOF\n");
    expect(py).toMatchObject([{ kind: "unparsed", reason: "non-posix-shell" }]);
    expect(py[0]!.kind === "unparsed" && py[0]!.message).toContain("python3");
  });

  it("reads several heredocs in order", () => {
    const text = "FROM alpine\nRUN <<A cat > /a && <<B cat > /b\none\nA\ntwo\nB\n";
    expect(names(commands(text))).toEqual(["cat", "cat"]);
  });
});

describe("forms and shells", () => {
  it("gives an exec-form RUN as its one command, words from the JSON strings", () => {
    const text = 'FROM debian\nRUN ["apt-get", "install", "-qy", "curl"]\n';
    const s = scripts(text);
    expect(s).toMatchObject([{ kind: "parsed", dialect: "exec" }]);
    const cmd = s[0]!.kind === "parsed" ? s[0]!.commands[0]! : null;
    expect(cmd!.name).toMatchObject({ value: "apt-get", text: '"apt-get"' });
    expect(hasFlag(cmd!, "-y")).toBe(true);
    expect(at(text, cmd!.args[1]!.range)).toBe('"-qy"');
    expect(at(text, cmd!.range)).toBe('["apt-get", "install", "-qy", "curl"]');
  });

  it("leaves an empty exec form unparsed", () => {
    expect(scripts("FROM debian\nRUN []\n")).toMatchObject([{ kind: "unparsed", reason: "exec-form" }]);
  });

  it("leaves PowerShell and cmd unparsed, at the command", () => {
    const text = "FROM mcr.microsoft.com/windows/servercore\nRUN Write-Host ('x' -f $y); $a = 1\n";
    for (const shell of [["pwsh", "-Command"], ["powershell", "-Command"], ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell.exe", "-c"], ["cmd", "/S", "/C"], ["cmd.exe", "/c"]]) {
      const s = scripts(text, shell);
      expect(s, shell[0]).toMatchObject([{ kind: "unparsed", reason: "non-posix-shell" }]);
      expect(at(text, s[0]!.kind === "unparsed" ? s[0]!.range! : s[0]!.commands[0]!.range)).toBe("Write-Host ('x' -f $y); $a = 1");
    }
  });

  it("parses with a bash SHELL in bash mode", () => {
    const text = "FROM debian\nRUN set -o pipefail && arr=(a b) && [[ -n ${arr[0]} ]] && echo ${x/a/b}\n";
    expect(scripts(text, ["/bin/bash", "-o", "pipefail", "-c"])).toMatchObject([{ kind: "parsed", dialect: "bash" }]);
    expect(scripts("FROM debian\nRUN echo hi\n", ["/usr/bin/env", "bash", "-c"])).toMatchObject([{ kind: "parsed", dialect: "bash" }]);
  });

  it("reads /bin/sh as POSIX, and as bash only when the script needs it", () => {
    expect(scripts("FROM debian\nRUN echo ${x:-y} $((1+2))\n")).toMatchObject([{ kind: "parsed", dialect: "posix" }]);
    expect(scripts("FROM fedora\nRUN arr=(a b) && echo ${arr[1]}\n")).toMatchObject([{ kind: "parsed", dialect: "bash" }]);
  });

  it("gives each pipe operator of a script by its place in the Dockerfile, read quickly or by mvdan/sh", () => {
    const pipesOf = (text: string, shell?: readonly string[]) => {
      const s = scripts(text, shell)[0]!;
      return s.kind === "parsed" ? s.pipes.map(([a, b]) => text.slice(a, b) + "@" + a) : null;
    };
    // quickRead's subset, across a Dockerfile continuation: offsets are the file's, not the joined script's.
    const plain = "FROM debian\nRUN curl -s x | \\\n  tar xz && echo 'a|b' |& cat\n";
    expect(pipesOf(plain, ["/bin/bash", "-c"])).toEqual([`|@${plain.indexOf("| \\")}`, `|&@${plain.indexOf("|&")}`]);
    // Backquotes send the script to mvdan/sh; `||` is no pipe.
    const full = "FROM debian\nRUN a=`x` || b | c\n";
    expect(pipesOf(full)).toEqual([`|@${full.lastIndexOf("|")}`]);
    // A heredoc body is data for cat, not shell: its `|` is no pipe.
    const heredoc = "FROM debian\nRUN cat <<EOF | sh\na | b\nEOF\n";
    expect(pipesOf(heredoc)).toEqual([`|@${heredoc.indexOf("| sh")}`]);
    expect(pipesOf('FROM debian\nRUN ["sh", "-c", "a | b"]\n')).toEqual([]);
  });

  it("reads the RUN of an ONBUILD", () => {
    expect(names(commands("FROM debian\nONBUILD RUN make && make install\n"))).toEqual(["make", "make"]);
  });

  it("has nothing for instructions other than RUN", () => {
    const { tree } = parse("FROM debian\nCMD echo hi\n");
    expect(runScripts(tree.instructions[1]!, "", new LineIndex(""))).toEqual([]);
  });

  it("reads an instruction the same way each time, in the shell it is given", () => {
    // Caching is lint()'s (its scripts(), one reading per RUN and lint): a reading depends on its arguments alone.
    const text = "FROM debian\nRUN echo hi\n";
    const { tree } = parse(text);
    const index = new LineIndex(text);
    const ins = tree.instructions[1]!;
    const a = runScripts(ins, text, index);
    expect(JSON.stringify(runScripts(ins, text, index))).toBe(JSON.stringify(a));
    expect(a).toMatchObject([{ kind: "parsed", dialect: "posix" }]);
    expect(runScripts(ins, text, index, ["/bin/bash", "-c"])).toMatchObject([{ kind: "parsed", dialect: "bash" }]);
  });
});

describe("syntax errors", () => {
  it("are a result with the parser's message and a range at the error", () => {
    const text = "FROM debian\nRUN apt-get update && \\\n    (cd /x && make\n";
    const [s] = scripts(text);
    expect(s).toMatchObject({ kind: "unparsed", reason: "syntax-error" });
    if (s!.kind !== "unparsed") return;
    expect(s!.message).toBe("reached EOF without matching ( with )");
    expect(at(text, s!.range!)).toBe("(");
    expect(s!.range!.start).toMatchObject({ line: 2, character: 4 });
  });

  it("give bash's error when bash fails too, rather than 'a bash feature'", () => {
    const [s] = scripts("FROM debian\nRUN a=(1 2) && if true; then echo\n");
    expect(s).toMatchObject({ kind: "unparsed", reason: "syntax-error" });
    expect(s!.kind === "unparsed" && s!.message).not.toContain("feature");
  });

  it("an unterminated quote points at the end of the script", () => {
    const text = "FROM debian\nRUN echo 'oops\n";
    const [s] = scripts(text);
    expect(s).toMatchObject({ kind: "unparsed", reason: "syntax-error" });
    expect(s!.kind === "unparsed" && s!.range!.start.line).toBe(1);
  });

  it("never throw, and ranges stay inside the text", () => {
    const piece = fc.constantFrom("RUN ", "echo", " ", "\\\n", "\n", "<<EOF", "<<-E", "EOF", "E", "\t", "'", '"', "$(", ")", "`", "(", "{", "}", ";", "&&", "|", "é", "🐳", "#", "[\"a\"]", "\r\n", "if", "then", "fi", "=", "$", "${", "x");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(undefined, ["/bin/bash", "-c"], ["pwsh"]), (pieces, shell) => {
        const text = "FROM x\nRUN " + pieces.join("");
        const { tree } = parse(text);
        const index = new LineIndex(text);
        for (const ins of tree.instructions) {
          for (const s of runScripts(ins as Instruction, text, index, shell)) {
            const ranges = s.kind === "parsed" ? s.commands.flatMap((c) => [c.range, ...[c.name, ...c.args].flatMap((w) => (w ? [w.range] : []))]) : s.range ? [s.range] : [];
            for (const r of ranges) expect(0 <= r.start.offset && r.start.offset <= r.end.offset && r.end.offset <= text.length).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

it("reads the Go values behind mvdan-sh's wrappers as its own Walk does", () => {
  const scripts = [
    "a && b || c; d | e |& f & g",
    "x=$(y \"$(z)\") `w` \"${v:-$(u)}\" $((1 + $(t))) <(s) >(r)",
    "if a; then b; elif c; then d; else e; fi; while f; do g; done; until h; do i; done",
    "for j in $(k); do l; done; for ((m=0; m<$(n); m++)); do o; done; case $(p) in q) r;; s|t) u;; esac",
    "v() { w; }; function x { y; }; { z; }; (aa); [[ $(bb) == cc ]]; (( $(dd) )); declare ee=$(ff); let gg=$(hh)",
    "time ii | jj; ! kk; coproc ll; cat <<EOF\n$(mm)\nEOF\nnn",
  ];
  for (const src of scripts) {
    const parsed = parseShell(src, "bash");
    if (!parsed.ok) throw new Error(`${src}: ${parsed.message}`);
    const theirs: string[] = [];
    const syntax = shSyntax();
    syntax.Walk(parsed.file, (node) => {
      if (node && syntax.NodeType(node) === "Stmt") theirs.push(`${node.Pos().Offset()}-${node.End().Offset()}`);
      return true;
    });
    const ours: string[] = [];
    walkStatements(parsed.file.__internal_object__, (stmt) => ours.push(goSpan(stmt).join("-")));
    expect(ours, src).toEqual(theirs);
  }
});

it("leaves the globals mvdan-sh's GopherJS prelude sets as they were", () => {
  const hadRequire = "require" in globalThis;
  shSyntax();
  expect(Error.stackTraceLimit).not.toBe(Infinity);
  expect("require" in globalThis).toBe(hadRequire);
});

needsShared("the corpus shell tests");

describe("corpus RUN scripts", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  const files = hasShared ? readdirSync(dir).filter((f) => f !== "README.md" && f !== "MANIFEST.tsv").sort() : [];
  // Windows images run RUN with `cmd /S /C` unless SHELL says otherwise.
  const isWindows = (image: string) => /windows|servercore|nanoserver/i.test(image);

  it("all parse, but for scripts in PowerShell or cmd", () => {
    const failures: string[] = [];
    const tally = { parsed: 0, bash: 0, nonPosix: 0, commands: 0 };
    for (const file of files) {
      const text = readFileSync(dir + file, "utf8");
      const { tree } = parse(text);
      const index = new LineIndex(text);
      // The SHELL in effect at each RUN: reset by FROM, inherited through FROM <stage>, changed by SHELL.
      const stageShells = new Map<string, readonly string[]>();
      let shell: readonly string[] = ["/bin/sh", "-c"];
      let stage: string | undefined;
      for (const ins of tree.instructions) {
        if (ins.name === "FROM") {
          const words = ins.args.map((a) => (a.kind === "word" ? a.value : ""));
          const image = words[0] ?? "";
          shell = stageShells.get(image.toLowerCase()) ?? (isWindows(image) ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"]);
          stage = words[1]?.toUpperCase() === "AS" ? words[2]?.toLowerCase() : undefined;
        } else if (ins.name === "SHELL" && ins.args[0]?.kind === "json-array") {
          shell = ins.args[0].elements.map((e) => e.value);
        }
        if (stage) stageShells.set(stage, shell);
        for (const s of runScripts(ins, text, index, shell)) {
          if (s.kind === "parsed") {
            tally.parsed++;
            if (s.dialect === "bash") tally.bash++;
            tally.commands += s.commands.length;
          } else if (s.reason === "non-posix-shell") tally.nonPosix++;
          else failures.push(`${file}:${s.range ? s.range.start.line + 1 : ins.startLine}: ${s.reason} ${s.message ?? ""}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Enough of the corpus was read for the check to mean something.
    expect(tally.parsed).toBeGreaterThan(3000);
    expect(tally.commands).toBeGreaterThan(30000);
  }, 180_000); // about 5 s of mvdan-sh on an idle machine; the shared two-core machine can be far busier
});

// quickRead is a shortcut past mvdan/sh for plain scripts. Whenever it answers, it must answer exactly what
// mvdan/sh would: the same commands, words, values, ranges and pipes, in both dialects (a script using bash's
// syntax is read as bash in both, as parseScript's fallback reads it). Checked on generated scripts here and on
// every RUN of the corpus.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { LineIndex, parse, type Instruction } from "../../src/index.js";
import { parseScript, parseScriptFully } from "../../src/model/shell/parse-script.js";
import { quickRead } from "../../src/model/shell/quick-read.js";
import { scriptPipes, scriptPipesFully } from "../../src/model/shell/script-pipes.js";
import { commandSource, heredocSource, type ScriptSource } from "../../src/model/shell/script-source.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

/** A script that is its own source: offsets in it are offsets in the "Dockerfile". */
function source(text: string): { script: ScriptSource; index: LineIndex } {
  return { script: { text, runs: text ? [[0, 0, text.length]] : [] }, index: new LineIndex(text) };
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Compares the quick reading of a script with mvdan/sh's; returns whether quickRead answered. */
function agrees(script: ScriptSource, index: LineIndex, label: string): boolean {
  const read = quickRead(script.text);
  if (!read) return false;
  for (const dialect of ["posix", "bash"] as const) {
    const quick = parseScript(script, dialect, index).result;
    const full = parseScriptFully(script, dialect, index).result;
    const expected = read.bashOnly ? "bash" : dialect;
    expect(full, `${label} (${dialect}): mvdan/sh does not read as ${expected} what quickRead read`).toMatchObject({ kind: "parsed", dialect: expected });
    // Through JSON, so that each word's range (worked out on first use, see script-word.ts) is compared too.
    expect(plain(quick), `${label} (${dialect})`).toEqual(plain(full));
    expect(scriptPipes(script.text, dialect), `${label} pipes (${dialect})`).toEqual(scriptPipesFully(script.text, dialect));
  }
  return true;
}

describe("quickRead", () => {
  it("reads plain scripts as mvdan/sh does", () => {
    const plain = [
      "apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*",
      'A=1 B="x y" make -j"$(nproc)" install >/dev/null 2>&1 || { echo failed; exit 1; }',
      "if [ -f /etc/os-release ]; then . /etc/os-release; elif true; then :; else echo no; fi",
      "for f in a 'b c' \"$D\"; do echo \"$f\" | tr a-z A-Z; done; while read -r l; do echo $l; done < /x",
      "cd /tmp && (wget -qO- https://x/y.tgz | tar xz) && ! grep -q x y # comment\n# another\nuntil false; do :; done",
      "export PATH=/opt/bin:$PATH GOPATH=${HOME:-/root}/go && echo ${#PATH} ${X%%.*} $1 $@ $? \\$HOME 'it''s' é🐳",
      "x=$(dirname \"$(readlink -f \"$0\")\") && echo \"${x}\" >>/log; cat </dev/null >|/tmp/o 3<>/tmp/p",
      'case "$(dpkg --print-architecture)" in\n  amd64|x86_64) ARCH=x64 ;;\n  (arm64) ARCH=arm64; echo $ARCH ;;\n  *) echo "unsupported" >&2; exit 1 ;;\nesac',
      "case $x in a) ;; esac; case y in *) z; esac",
      "f() {\n  local x=\"$1\"; shift; g \"$x\"\n}\nf a; h() ( cd /; ls ) >/dev/null",
      "",
      "# only a comment",
      // A `$` that starts no expansion, as while typing `$NAME`: a plain `$`.
      'echo $ "$" a$ "a$" $; go build ./x $\necho $|cat $&& (true $)',
    ];
    for (const text of plain) {
      const { script, index } = source(text);
      expect(agrees(script, index, JSON.stringify(text)), JSON.stringify(text)).toBe(true);
      expect(quickRead(text)!.bashOnly, JSON.stringify(text)).toBe(false);
    }
  });

  it("reads bash's arrays and replacements as mvdan/sh reads them in bash", () => {
    const bash = [
      'L=("a-$v.rpm" b) && for r in ${L[@]}; do curl -O "https://x/$(echo $v | tr - .)/${r}"; done',
      "A=(\n  one # first\n  'two' \"$(date)\"\n) B=1; echo ${#A[@]} ${A[*]} ${A[0]}",
      'b="$(command -v "${f/tables/tables-legacy}")"; echo ${p//\//_} ${p/#x} ${p/%y/z}',
      'for u in "https://a/$f" ${m:+"https://b/$m"} ${m:-$HOME/x} ${m:=${n:-y}}; do :; done',
    ];
    for (const text of bash) {
      const { script, index } = source(text);
      expect(agrees(script, index, JSON.stringify(text)), JSON.stringify(text)).toBe(true);
    }
    expect(bash.map((t) => quickRead(t)!.bashOnly)).toEqual([true, true, true, false]);
  });

  it("leaves to mvdan/sh what is outside its subset or wrong", () => {
    const others = [
      "cat <<EOF\nx\nEOF",
      "echo `date`",
      "echo $((1 + 2))",
      "case $x in a) b;& c) d;; esac",
      "function f { :; }",
      "f() a",
      "a-b() { :; }",
      "a=([0]=1)",
      "a+=(1)",
      "a=(1)b",
      "echo a=(1)",
      "echo ${a[i]} ${a[1+1]}",
      "[[ -n $x ]] && y",
      "echo $'\\n'",
      "echo ${x:1:2}",
      "echo \"${x:-\"a\"}\"",
      "a |& b",
      "a &> b",
      "echo 'unterminated",
      "if true; then; fi",
      "(a",
      "a)",
      "&& b",
      "a;;",
      "a\r\n",
      "time make",
      "x+=1",
      "set -eux; \\\n  true",
    ];
    for (const text of others) expect(quickRead(text), JSON.stringify(text)).toBeNull();
  });

  it("agrees with mvdan/sh on generated scripts", () => {
    const piece = fc.constantFrom(
      "a", "b", "apt-get", "install", "-y", " ", " ", "\t", "\n", "; ", " && ", " || ", " | ", " & ", "'q q'", '"d $v d"', "\\x",
      "$v", "${v}", "${v:-w}", "$(", ")", "(", "{ ", "}", "if ", "then ", "elif ", "else ", "fi", "for i in ", "do ", "done",
      "while ", "until ", "! ", "case $v in ", "a|b) ", ";; ", "esac", "f() ", "() ", ">f", "2>&1", "<i", ">>o", "#c\n", "X=1 ", "Y=\"$(c)\" ", "é", "=", "$", "*", "~", "#",
      "A=(", "A=(x \"$v\") ", "${A[@]}", "${#A[*]}", "${A[0]}", "[", "]", "@", "${v/a/b}", "${v//", "/", "${v/#a}", '${v:+"-$v"}', "${v:-$w}", "}",
    );
    let answered = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const { script, index } = source(pieces.join(""));
        if (agrees(script, index, JSON.stringify(script.text))) answered++;
      }),
      { numRuns: Number(process.env.QUICK_READ_RUNS ?? 3000) }, // raise it to hunt for disagreements
    );
    // The generator must reach the accepting paths often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(200);
  });
});

needsShared("the quickRead corpus comparison");

describe("quickRead on the corpus", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  it("agrees with mvdan/sh on every RUN script it reads, and reads most of them", () => {
    const dir = shared("corpus/real-world/");
    let total = 0;
    let answered = 0;
    for (const file of readdirSync(dir).filter((f) => f !== "README.md" && f !== "MANIFEST.tsv")) {
      const text = readFileSync(dir + file, "utf8");
      const { tree } = parse(text);
      const index = new LineIndex(text);
      for (const ins of tree.instructions) {
        const run: Instruction | undefined = ins.name === "ONBUILD" ? ins.trigger ?? undefined : ins;
        if (run?.name !== "RUN" || run.form !== "shell" || run.args[0]?.kind !== "shell-command") continue;
        const sources = [commandSource(run.args[0]), ...run.heredocs.map(heredocSource)];
        for (const script of sources) {
          total++;
          if (agrees(script, index, `${file}:${ins.range.start.line + 1}`)) answered++;
        }
      }
    }
    expect(total).toBeGreaterThan(3000);
    // Most RUN lines are plain shell; if this share falls, the shortcut has stopped paying for itself.
    expect(answered / total).toBeGreaterThan(0.6);
  }, 180_000); // mvdan/sh reads every accepted script twice, in each dialect: about 10 s on an idle machine
});

// Writes docs/rules/CODE.md for every rule and the index docs/rules/README.md from the rules' own
// metadata (code, name, aliases, level, docs, fix), so the pages cannot say other than `dflint rules`.
// Run by `npm run docs` after the build (it reads dist/); test/ship/rule-docs.test.ts renders them again
// from the sources and fails when the files are stale.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// How a safe fix may change BuildKit's reading of what it edits (FixChange in src/lint/rule.ts).
const CHANGES = {
  "letter-case": "only the case of words BuildKit compares without case",
  "key-value-form": "`k v` becomes `k=v`: the same keys, each expanding to the same value",
  "maintainer-label": "MAINTAINER becomes `LABEL maintainer=` holding its text",
  "add-to-copy": "ADD becomes COPY with the same flags and operands",
  "destination-slash": "COPY's destination gains a trailing `/`",
  "workdir-absolute": "WORKDIR's path is written as the absolute directory it already resolved to",
  "expose-container-port": "EXPOSE keeps only what BuildKit records: the container port and protocol",
  "overridden-deleted": "the instruction is deleted; a later one of its kind in the stage overrides it",
  "command-option": "one command of the RUN gets one more option; the commands are otherwise the same",
};

const HADOLINT_CODE = /^DL\d{4}$/;
const isBuildkitName = (alias) => /^[A-Z][A-Za-z]+$/.test(alias);

/** BuildKit's page for a check: JSONArgsRecommended → json-args-recommended. */
function buildkitUrl(name) {
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2").toLowerCase();
  return `https://docs.docker.com/reference/build-checks/${kebab}/`;
}

const hadolintUrl = (code) => `https://github.com/hadolint/hadolint/wiki/${code}`;

function levelText(rule) {
  const level = rule.level === "ignore" ? "off (turned on only by configuration)" : rule.level;
  return rule.status === "experimental" ? `${level}; experimental (runs only when turned on)` : level;
}

function fence(code) {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}dockerfile\n${code}\n${ticks}`;
}

const cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function list(items) {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// Naming a shared alias turns off every rule that shares it.
function sharedNote(rule, aliases, sharers) {
  const notes = aliases.flatMap((a) => {
    const others = sharers.get(a).filter((c) => c !== rule.code);
    return others.length ? [`\`${a}\` also turns off ${list(others)}`] : [];
  });
  return notes.length ? ` (${notes.join("; ")})` : "";
}

/** The page of one rule; `sharers` maps an alias to every rule that answers to it. */
function rulePage(rule, sharers) {
  const aliases = rule.aliases ?? [];
  const upstream = [];
  for (const code of [rule.code, ...aliases].filter((c) => HADOLINT_CODE.test(c))) upstream.push(`hadolint's [${code}](${hadolintUrl(code)})`);
  for (const name of aliases.filter(isBuildkitName)) upstream.push(`BuildKit's [${name}](${buildkitUrl(name)}) check`);
  const aliasNotes = aliases.map((a) => {
    const others = sharers.get(a).filter((c) => c !== rule.code);
    return others.length ? `\`${a}\` (shared with ${list(others)})` : `\`${a}\``;
  });

  const facts = [
    ["Default level", levelText(rule)],
    ["Source", rule.source],
    ["Also answers to", aliasNotes.length ? aliasNotes.join(", ") : "none"],
    ["Fix", rule.fix ? `${rule.fix.safety}${rule.fix.safety === "unsafe" ? " (with `--fix --unsafe-fixes`)" : " (with `--fix`)"}` : "none"],
  ];
  if (upstream.length) facts.push(["Upstream", list(upstream)]);

  const lines = [
    `# ${rule.code} ${rule.name}`,
    "",
    rule.docs.summary,
    "",
    "| | |",
    "| --- | --- |",
    ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    "",
    "## Why",
    "",
    rule.docs.rationale,
    "",
    "## Bad",
    "",
    fence(rule.docs.bad),
    "",
    "## Good",
    "",
    fence(rule.docs.good),
    "",
  ];
  if (rule.fix) {
    const change = rule.fix.changes;
    if (change && !CHANGES[change]) throw new Error(`bug: scripts/rule-docs.mjs has no words for the fix change '${change}' of ${rule.code}`);
    lines.push("## Fix", "", `${rule.fix.safety === "safe" ? "Safe" : "Unsafe: it may change what is built"}. ${rule.fix.why}`, "");
    if (change) lines.push(`What BuildKit reads differently afterwards: ${CHANGES[change]}.`, "");
  }
  lines.push(
    rule.level === "ignore" || rule.status === "experimental" ? "## Turning it on" : "## Turning it off",
    "",
  );
  if (rule.status === "experimental") {
    lines.push(`\`dflint --experimental ${rule.code}\`, or \`experimental: [${rule.code}]\` in \`.dflint.yaml\`.`, "");
  } else if (rule.level === "ignore") {
    lines.push(`\`dflint --warning ${rule.code}\` (or \`--error\`, \`--info\`, \`--style\`), or in \`.dflint.yaml\`:`, "", "```yaml", "override:", `  warning: [${rule.code}]`, "```", "");
  } else {
    lines.push(
      `- for one instruction: \`# dflint ignore=${rule.code}\` (or \`# hadolint ignore=${rule.code}\`) on the line above it;`,
      `- for the whole file: \`# dflint global ignore=${rule.code}\`${aliases.some(isBuildkitName) ? `, or BuildKit's \`# check=skip=${aliases.find(isBuildkitName)}\`` : ""};`,
      `- everywhere: \`dflint --ignore ${rule.code}\`, or \`ignored: [${rule.code}]\` in \`.dflint.yaml\`.`,
      "",
      `${list([`The name \`${rule.name}\``, ...aliases.map((a) => `\`${a}\``)])} work${aliases.length ? "" : "s"} in place of the code${sharedNote(rule, aliases, sharers)}.`,
      "",
    );
  }
  return lines.join("\n");
}

function indexPage(rules) {
  const rows = rules.map((r) => {
    const level = r.level === "ignore" ? "off" : r.level;
    return `| [${r.code}](${r.code}.md) | ${r.name} | ${r.status === "experimental" ? `${level} (experimental)` : level} | ${r.fix ? r.fix.safety : "-"} | ${cell((r.aliases ?? []).join(", "))} | ${cell(r.docs.summary)} |`;
  });
  return [
    "# dflint's rules",
    "",
    `${rules.length} rules: dflint's own (DF0xx syntax, DF1xx stages and variables), BuildKit's build checks`,
    "(DF2xx, and the hadolint rules that answer to a BuildKit name) and hadolint's (DLxxxx). Each page is",
    "generated from the rule's metadata by `npm run docs`; `dflint rules CODE` prints the same.",
    "",
    "Level is the default (off: only when configured on). Fix says whether `--fix` applies a safe fix or",
    "`--fix --unsafe-fixes` an unsafe one. Aliases are the hadolint codes and BuildKit check names a rule",
    "answers to in pragmas, `--ignore` and configuration.",
    "",
    "| Code | Name | Level | Fix | Aliases | Summary |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

/** Every page: file name (relative to docs/rules/) → Markdown text. */
export function ruleDocs(rules) {
  const sharers = new Map();
  for (const r of rules) for (const a of r.aliases ?? []) sharers.set(a, [...(sharers.get(a) ?? []), r.code]);
  const pages = new Map([["README.md", indexPage(rules)]]);
  for (const rule of rules) pages.set(`${rule.code}.md`, rulePage(rule, sharers));
  return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { RULES } = await import(new URL("../dist/src/lint/registry.js", import.meta.url).href);
  const dir = fileURLToPath(new URL("../docs/rules/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const pages = ruleDocs(RULES);
  // A page of a rule that no longer exists would outlive it.
  for (const name of readdirSync(dir)) if (name.endsWith(".md") && !pages.has(name)) rmSync(dir + name);
  for (const [name, text] of pages) writeFileSync(dir + name, text);
  console.log(`docs/rules: ${pages.size - 1} rule pages and README.md`);
}

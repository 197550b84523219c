// A rule's documentation as Markdown, and the page that documents it: upstream where there is one
// (hadolint's wiki for its codes, Docker's build-checks reference for BuildKit's checks,
// ShellCheck's wiki for SC codes), else dflint's own docs/rules/CODE.md, which the package ships.
import type { Rule } from "../lint/rule.js";

const HADOLINT_CODE = /^DL\d{4}$/;
const SHELLCHECK_CODE = /^SC\d{4}$/;
const CHECK_NAME = /^[A-Z][A-Za-z]+$/;

/** The page about a rule: upstream when it has one, else dflint's own (under `local`, when given). */
export function ruleUrl(rule: Rule, local?: string): string | null {
  return upstreamUrl(rule) ?? (local ? `${local}${rule.code}.md` : null);
}

function upstreamUrl(rule: Rule): string | null {
  if (SHELLCHECK_CODE.test(rule.code)) return `https://www.shellcheck.net/wiki/${rule.code}`;
  const check = (rule.aliases ?? []).find((a) => CHECK_NAME.test(a));
  // BuildKit's reference names pages by the check's name in kebab case: StageNameCasing → stage-name-casing.
  if (check && (rule.source === "buildkit" || rule.source === "hadolint+buildkit" || rule.code.startsWith("DF"))) {
    return `https://docs.docker.com/reference/build-checks/${check.replace(/(?<=[a-z])(?=[A-Z])/g, "-").toLowerCase()}/`;
  }
  const hadolint = [rule.code, ...(rule.aliases ?? [])].find((c) => HADOLINT_CODE.test(c));
  if (hadolint && rule.source !== "dflint") return `https://github.com/hadolint/hadolint/wiki/${hadolint}`;
  return null;
}

/** Markdown for hover and completion: summary, rationale, examples, fix and aliases. */
export function ruleMarkdown(rule: Rule, local?: string): string {
  const { docs } = rule;
  const parts = [`**${rule.code}** \`${rule.name}\`: ${docs.summary}`, docs.rationale];
  if (docs.bad && docs.bad !== "-") parts.push("Bad:\n```dockerfile\n" + docs.bad + "\n```");
  if (docs.good && docs.good !== "-") parts.push("Good:\n```dockerfile\n" + docs.good + "\n```");
  const facts: string[] = [];
  facts.push(`level: ${rule.level === "ignore" ? "off unless configured" : rule.level}`);
  if (rule.fix) facts.push(`${rule.fix.safety} fix`);
  if (rule.aliases?.length) facts.push(`also: ${rule.aliases.join(", ")}`);
  parts.push(facts.join(" · "));
  const url = ruleUrl(rule, local);
  if (url) parts.push(`[Documentation](${url})`);
  return parts.join("\n\n");
}

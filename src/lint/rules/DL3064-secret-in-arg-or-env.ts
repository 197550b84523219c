import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";

// Names that hold credentials by convention, though none of the substrings below gives them away
// (AWS_ACCESS_KEY_ID, RABBITMQ_DEFAULT_PASS), plus the best known ones. hadolint keeps a list of about
// 48 such names; this one is rebuilt from the tools' documented variables.
const KNOWN = new Set([
  "ACCESS_TOKEN", "API_KEY", "APP_SECRET", "APPLICATION_KEY", "AUTH_TOKEN",
  "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
  "AZURE_CLIENT_SECRET", "AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCESS_KEY", "AZURE_STORAGE_CONNECTION_STRING",
  "CF_PASSWORD", "CI_DEPLOY_PASSWORD", "CI_DEPLOY_USER", "CI_JOB_TOKEN", "CIRCLE_TOKEN", "CODECOV_TOKEN",
  "CONSUL_HTTP_TOKEN", "DOCKER_AUTH_CONFIG", "DOCKER_PASSWORD", "DOCKERHUB_PASSWORD",
  "FIREBASE_TOKEN", "GCP_SERVICE_ACCOUNT_KEY", "GH_ENTERPRISE_TOKEN", "GH_TOKEN", "GITHUB_TOKEN", "GITLAB_TOKEN",
  "GPG_PASSPHRASE", "HEROKU_API_KEY", "HF_TOKEN", "MYSQL_ROOT_PASSWORD", "NEW_RELIC_LICENSE_KEY", "NODE_AUTH_TOKEN",
  "NPM_AUTH_TOKEN", "NPM_TOKEN", "OPENAI_API_KEY", "OS_PASSWORD", "PGPASSWORD", "POSTGRES_PASSWORD",
  "RABBITMQ_DEFAULT_PASS", "SLACK_TOKEN", "SLACK_WEBHOOK_URL", "SONAR_TOKEN", "STRIPE_API_KEY",
  "TWINE_PASSWORD", "VAULT_CLIENT_KEY", "VAULT_TOKEN",
]);

// hadolint's substrings: any name that contains one of them, in any case.
const SUSPICIOUS = ["api_key", "client_key", "password", "private", "secret", "token", "username"];

// Names that contain a suspicious substring but hold no secret: Go's module privacy setting, the
// Hugging Face tokenizers switch, and settings that name where a secret lives rather than holding it
// (`POSTGRES_PASSWORD_FILE=/run/secrets/db` is the pattern official images recommend).
const NOT_SECRET = new Set(["GOPRIVATE", "GONOSUMDB", "GONOPROXY", "TOKENIZERS_PARALLELISM"]);
const POINTER_SUFFIX = /_(?:FILE|PATH|DIR|LOCATION)$/;

function isSecretLooking(name: string): boolean {
  const upper = name.toUpperCase();
  if (NOT_SECRET.has(upper) || POINTER_SUFFIX.test(upper)) return false;
  if (KNOWN.has(upper)) return true;
  const lower = name.toLowerCase();
  return SUSPICIOUS.some((s) => lower.includes(s));
}

const unquote = (key: string) => (/^(["']).*\1$/s.test(key) ? key.slice(1, -1) : key);

export default defineRule({
  code: "DL3064",
  name: "secret-in-arg-or-env",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Do not pass secrets through ARG or ENV.",
    rationale:
      "ENV values are stored in the image config and build arguments in its history, where `docker history` and `docker inspect` show them to anyone who pulls the image. Secrets belong in `RUN --mount=type=secret` (or `docker build --secret`), which leaves no trace in the image.",
    bad: "FROM node:20-alpine\nARG NPM_TOKEN\nRUN npm ci",
    good: "FROM node:20-alpine\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci",
  },
  fix: null, // moving a secret to a secret mount changes the build command too
  check({ tree, report }) {
    const visit = (ins: Instruction, onbuild: boolean) => {
      if (ins.name !== "ARG" && ins.name !== "ENV") return;
      for (const pair of ins.args) {
        if (pair.kind !== "key-value") continue;
        const name = unquote(pair.key);
        if (!isSecretLooking(name)) continue;
        const where = ins.name === "ARG" ? "build arguments are recorded in the image history" : "ENV values are stored in the image";
        report({
          range: pair.keyRange,
          message: `${onbuild ? "ONBUILD " : ""}${ins.name} '${name}' looks like a secret; ${where}, so pass it with RUN --mount=type=secret instead.`,
        });
      }
    };
    // hadolint checks ONBUILD ARG and ONBUILD ENV too: they land in every child image.
    for (const ins of tree.instructions) {
      visit(ins, false);
      if (ins.name === "ONBUILD" && ins.trigger) visit(ins.trigger, true);
    }
  },
});

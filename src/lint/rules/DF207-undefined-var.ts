import type { Stage, VariableReference } from "../../model/model.js";
import type { Instruction } from "../../syntax/tree.js";
import { defineRule, type TextEdit } from "../rule.js";
import { suggestName } from "./util/buildkit-suggest.js";

// BuildKit sets PATH in every stage that lacks it, and never puts its SBOM args in the environment.
const ALWAYS_DEFINED = new Set(["PATH", "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"]);

// Variables that widely used base images set in their config (official language and database images,
// CUDA, conda, Jupyter, UBI/s2i). A stage on a registry image may read them without declaring them.
const IMAGE_VARIABLES = new Set([
  "HOME", "USER", "SHELL", "LANG", "LANGUAGE", "LC_ALL", "TZ", "TERM", "HOSTNAME", "DEBIAN_FRONTEND",
  "LD_LIBRARY_PATH", "LIBRARY_PATH", "PKG_CONFIG_PATH", "MANPATH", "CPATH",
  "JAVA_HOME", "JAVA_VERSION", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
  "NODE_VERSION", "YARN_VERSION", "NODE_ENV", "NODE_OPTIONS", "NPM_CONFIG_PREFIX",
  "GOLANG_VERSION", "GOPATH", "GOROOT", "GOTOOLCHAIN", "GOFLAGS", "CGO_ENABLED",
  "PYTHON_VERSION", "PYTHON_SHA256", "PYTHON_PIP_VERSION", "PYTHON_SETUPTOOLS_VERSION", "PYTHON_GET_PIP_URL",
  "PYTHON_GET_PIP_SHA256", "PYTHONPATH", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PIP_NO_CACHE_DIR",
  "VIRTUAL_ENV", "GPG_KEY", "GPG_KEYS",
  "RUBY_VERSION", "RUBY_MAJOR", "RUBY_DOWNLOAD_SHA256", "RUBY_DOWNLOAD_URL", "GEM_HOME", "BUNDLE_APP_CONFIG",
  "BUNDLE_SILENCE_ROOT_WARNING", "BUNDLE_PATH", "BUNDLE_BIN",
  "PHP_VERSION", "PHP_INI_DIR", "PHPIZE_DEPS", "PHP_CFLAGS", "PHP_CPPFLAGS", "PHP_LDFLAGS", "PHP_URL", "PHP_ASC_URL",
  "PHP_SHA256", "APACHE_CONFDIR", "APACHE_ENVVARS", "APACHE_DOCUMENT_ROOT", "COMPOSER_HOME", "COMPOSER_ALLOW_SUPERUSER",
  "NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE", "DYNPKG_RELEASE",
  "HTTPD_PREFIX", "HTTPD_VERSION", "HTTPD_SHA256", "HTTPD_PATCHES",
  "CATALINA_HOME", "TOMCAT_NATIVE_LIBDIR", "TOMCAT_MAJOR", "TOMCAT_VERSION", "TOMCAT_SHA512",
  "MAVEN_HOME", "MAVEN_CONFIG", "GRADLE_HOME", "GRADLE_VERSION", "GRADLE_USER_HOME",
  "PG_MAJOR", "PG_VERSION", "PGDATA", "GOSU_VERSION", "MYSQL_MAJOR", "MYSQL_VERSION", "MARIADB_VERSION",
  "MONGO_VERSION", "MONGO_MAJOR", "REDIS_VERSION", "REDIS_DOWNLOAD_URL", "REDIS_DOWNLOAD_SHA",
  "RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION",
  "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_VERSION", "DOTNET_SDK_VERSION", "DOTNET_RUNNING_IN_CONTAINER",
  "APP_UID", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "NUGET_XMLDOC_MODE",
  "CUDA_VERSION", "CUDA_HOME", "CUDNN_VERSION", "NCCL_VERSION", "NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES",
  "NVIDIA_REQUIRE_CUDA",
  "CONDA_DIR", "CONDA_PREFIX", "MAMBA_ROOT_PREFIX", "MAMBA_USER", "MAMBA_USER_ID", "MAMBA_USER_GID", "MAMBA_EXE", "ENV_NAME",
  "NB_USER", "NB_UID", "NB_GID", "JUPYTER_PORT", "XDG_CACHE_HOME", "SPARK_HOME", "SPARK_OPTS",
  "APP_ROOT", "STI_SCRIPTS_PATH", "PLATFORM", "NODEJS_VERSION", "BASH_ENV", "ENV", "PROMPT_COMMAND",
  "ERLANG_VERSION", "OTP_VERSION", "ELIXIR_VERSION", "REBAR3_VERSION", "JULIA_PATH", "JULIA_VERSION", "DENO_DIR",
  "DOCKER_VERSION", "DOCKER_TLS_CERTDIR",
]);
// Prefixes of the variable families those images set (NV_CUDA_LIB_VERSION, PYTHON_..., ...).
const IMAGE_PREFIXES = /^(?:NV_|NVIDIA_|CUDA_|PYTHON|NODE_|JAVA_|JDK_|JRE_|GO[A-Z]|RUBY_|BUNDLE_|PHP_|NGINX_|HTTPD_|TOMCAT_|CATALINA_|MAVEN_|GRADLE_|PG_|POSTGRES_|MYSQL_|MARIADB_|MONGO_|REDIS_|RUST|CARGO_|DOTNET_|ASPNET|CONDA_|MAMBA_|NB_|JUPYTER_|LC_)/;

/** A name a registry base image may well define in its config. */
function mayComeFromImage(name: string): boolean {
  return IMAGE_VARIABLES.has(name) || IMAGE_PREFIXES.test(name);
}

export default defineRule({
  code: "DF207",
  name: "undefined-var",
  aliases: ["UndefinedVar"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Define a variable with ARG or ENV before an instruction expands it.",
    rationale:
      "BuildKit expands ENV, LABEL, COPY, WORKDIR and the like itself; a variable nothing defines expands to an empty string without error. Global ARGs in particular must be declared again inside the stage.",
    bad: "ARG VERSION=1.0\nFROM scratch\nLABEL version=$VERSION",
    good: "ARG VERSION=1.0\nFROM scratch\nARG VERSION\nLABEL version=$VERSION",
  },
  fix: { safety: "unsafe", why: "For a global or predefined ARG only: `ARG NAME` is added after FROM, which changes what the instruction expands to." },
  check({ text, model, report }) {
    // Names the file declares itself; the platform args count, as a stage must declare them too.
    const declaredInFile = new Set<string>();
    for (const d of model.declarations) declaredInFile.add(d.name);
    const globals = new Map<string, string>();
    const first = model.stages[0];
    if (first) for (const [name, d] of model.scopeAt(first.from).entries()) if (d.kind === "global-arg" || d.kind === "automatic") globals.set(name, d.kind);

    const seen = new Set<string>();
    for (const ref of model.references) {
      const stage = ref.stage;
      // FROM lines belong to no stage (their variables are UndefinedArgInFrom's).
      if (!stage || ref.declaration !== null || ALWAYS_DEFINED.has(ref.name)) continue;
      if (isSelfReference(ref)) continue; // `ARG A=$A` is reported as DF111
      // BuildKit also accepts what the base image's environment defines, which only a registry can tell.
      // On scratch (through any chain of stages) nothing else is defined. On a registry image, report
      // the file's own names used where they are not visible, and names no base image is likely to set.
      const isOwn = declaredInFile.has(ref.name) || globals.has(ref.name);
      const isCertain = ref.isCertainlyUndefined || (isOwn ? !IMAGE_VARIABLES.has(ref.name) : !mayComeFromImage(ref.name));
      if (!isCertain) continue;
      const key = `${ref.instruction.range.start.offset}:${ref.name}`;
      if (seen.has(key)) continue; // BuildKit reports each name once per instruction
      seen.add(key);

      const visible = model.scopeAt(ref.instruction).entries().map(([name]) => name);
      const suggestion = suggestName(ref.name, [...visible, "PATH"], true);
      const global = globals.get(ref.name);
      const needsArg = global !== undefined && !declaredInStageChain(stage, ref.name);
      const hint = hintFor(ref, stage, needsArg ? global : undefined, suggestion);
      const edits = needsArg ? declareAfterFrom(text, stage, ref.name) : undefined;
      report({ range: ref.range, message: `Usage of undefined variable '$${ref.name}'${hint}.`, edits });
    }
  },
});

// Why the variable is undefined there, when the file shows it; else BuildKit's "did you mean".
function hintFor(ref: VariableReference, stage: Stage, missingArg: string | undefined, suggestion: string | null): string {
  if (missingArg) return `; the ${missingArg === "automatic" ? "predefined" : "global"} ARG must be declared in this stage with 'ARG ${ref.name}'`;
  if (ref.instruction.name === "ENV" && declares(ref.instruction, ref.name)) {
    return "; an ENV expands against the environment from before it, not the values it sets itself";
  }
  const later = laterDeclaration(stage, ref.instruction, ref.name);
  if (later) return `; it is declared only later, on line ${later.startLine}`;
  return suggestion ? ` (did you mean $${suggestion}?)` : "";
}

// `ARG A=$A`: the reference in a default that names the ARG being declared.
function isSelfReference(ref: VariableReference): boolean {
  const ins = ref.instruction;
  if (ins.name !== "ARG") return false;
  return ins.args.some((a) => a.kind === "key-value" && a.key === ref.name && a.range.start.offset <= ref.range.start.offset && ref.range.end.offset <= a.range.end.offset);
}

// Whether an ARG or ENV of the stage or a stage it is built on names the variable (perhaps later).
function declaredInStageChain(stage: Stage, name: string): boolean {
  const seen = new Set<Stage>();
  for (let s: Stage | null = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    if (s.instructions.some((i) => declares(i, name))) return true;
  }
  return false;
}

// An ARG or ENV after `ins` in the same stage that names the variable.
function laterDeclaration(stage: Stage, ins: Instruction, name: string): Instruction | undefined {
  const at = stage.instructions.indexOf(ins);
  return stage.instructions.slice(at + 1).find((i) => declares(i, name));
}

function declares(ins: Instruction, name: string): boolean {
  return (ins.name === "ARG" || ins.name === "ENV") && ins.args.some((a) => a.kind === "key-value" && a.key === name);
}

// `ARG NAME` on its own line right after the stage's FROM.
function declareAfterFrom(text: string, stage: Stage, name: string): TextEdit[] {
  const end = stage.from.range.end.offset;
  const nl = text.indexOf("\n", end);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (nl < 0) return [{ start: text.length, end: text.length, text: `${eol}ARG ${name}` }];
  return [{ start: nl + 1, end: nl + 1, text: `ARG ${name}${eol}` }];
}

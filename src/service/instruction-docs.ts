// What each instruction does and how it is written, from Docker's Dockerfile reference
// (https://docs.docker.com/reference/dockerfile/): hover text, signature help and completion
// snippets read these.

export interface InstructionForm {
  /** The syntax as the reference writes it; parameters are substrings of it. */
  label: string;
  /** The parameters, in order, as they appear in the label. */
  parameters: Array<{ label: string; documentation: string }>;
  /** What this form is for, when an instruction has several. */
  documentation?: string;
  /** This form is the exec (JSON array) form. */
  isJson?: boolean;
}

export interface InstructionDoc {
  summary: string;
  details: string;
  forms: InstructionForm[];
  /** A snippet body after the keyword, in LSP snippet syntax. */
  snippet: string;
  deprecated?: boolean;
}

const p = (label: string, documentation: string) => ({ label, documentation });
const IMAGE = p("<image>", "The base image: a name with an optional tag or digest, a stage name, or `scratch`.");
const PLATFORM = p("[--platform=<platform>]", "The platform of the image, `os/arch[/variant]` (for example `linux/arm64`).");
const STAGE = p("[AS <name>]", "A name for this stage, for `FROM <name>`, `COPY --from=<name>` and `--target`.");
const SOURCES = p("<src>...", "What to copy: paths in the build context (or the `--from` source), globs allowed.");
const DEST = p("<dest>", "Where in the image: an absolute path, or relative to WORKDIR; end it with `/` for a directory.");
const COMMAND = p("<command>", "A shell command, run with the stage's SHELL (`/bin/sh -c` by default).");
const EXEC = p('["executable", "param1", "param2"]', "An executable and its arguments as a JSON array of strings; no shell is involved.");

export const INSTRUCTION_DOCS: Readonly<Record<string, InstructionDoc>> = {
  ADD: {
    summary: "Add local or remote files and directories.",
    details: "Like COPY, and also fetches URLs and Git repositories and extracts local tar archives. Prefer COPY for plain files.",
    forms: [
      { label: "ADD [OPTIONS] <src>... <dest>", parameters: [p("[OPTIONS]", "--chown, --chmod, --link, --checksum, --keep-git-dir, --unpack, --exclude"), SOURCES, DEST] },
      { label: 'ADD [OPTIONS] ["<src>", ... "<dest>"]', parameters: [p("[OPTIONS]", "--chown, --chmod, --link, --checksum, --keep-git-dir, --unpack, --exclude"), p('["<src>", ... "<dest>"]', "Sources and destination as a JSON array, for paths with spaces.")], isJson: true },
    ],
    snippet: "${1:src} ${2:dest}",
  },
  ARG: {
    summary: "Declare a build argument.",
    details: "A variable set with `--build-arg` at build time, with an optional default. Before the first FROM it is visible to FROM lines only; redeclare it in a stage to use it there.",
    forms: [{ label: "ARG <name>[=<default value>] ...", parameters: [p("<name>", "The argument's name."), p("[=<default value>]", "The value used when no --build-arg sets it.")] }],
    snippet: "${1:NAME}=${2:value}",
  },
  CMD: {
    summary: "Set the default command of the container.",
    details: "What the container runs when started without a command, or the default arguments of ENTRYPOINT. Only the last CMD of a stage takes effect.",
    forms: [
      { label: 'CMD ["executable", "param1", "param2"]', parameters: [EXEC], documentation: "Exec form (preferred): signals reach the process.", isJson: true },
      { label: "CMD <command>", parameters: [COMMAND], documentation: "Shell form: run with `/bin/sh -c`." },
    ],
    snippet: '["${1:executable}"]',
  },
  COPY: {
    summary: "Copy files and directories.",
    details: "From the build context, or with `--from` from a stage, an image or a named context, into the image.",
    forms: [
      { label: "COPY [OPTIONS] <src>... <dest>", parameters: [p("[OPTIONS]", "--from, --chown, --chmod, --link, --parents, --exclude"), SOURCES, DEST] },
      { label: 'COPY [OPTIONS] ["<src>", ... "<dest>"]', parameters: [p("[OPTIONS]", "--from, --chown, --chmod, --link, --parents, --exclude"), p('["<src>", ... "<dest>"]', "Sources and destination as a JSON array, for paths with spaces.")], isJson: true },
    ],
    snippet: "${1:src} ${2:dest}",
  },
  ENTRYPOINT: {
    summary: "Set the executable the container runs.",
    details: "Arguments given to `docker run` (or CMD) are appended in exec form. Only the last ENTRYPOINT of a stage takes effect.",
    forms: [
      { label: 'ENTRYPOINT ["executable", "param1", "param2"]', parameters: [EXEC], documentation: "Exec form (preferred): the process gets signals and CMD's arguments.", isJson: true },
      { label: "ENTRYPOINT <command>", parameters: [COMMAND], documentation: "Shell form: CMD and run arguments are ignored." },
    ],
    snippet: '["${1:executable}"]',
  },
  ENV: {
    summary: "Set environment variables.",
    details: "Visible to later instructions of the stage, to stages built on it, and in the running container.",
    forms: [{ label: "ENV <key>=<value> ...", parameters: [p("<key>", "The variable's name."), p("<value>", "Its value; quote it to keep spaces.")] }],
    snippet: "${1:KEY}=${2:value}",
  },
  EXPOSE: {
    summary: "Document the ports the application listens on.",
    details: "Publishes nothing by itself; `docker run -p` or `-P` does. The protocol is tcp unless `/udp` is given.",
    forms: [{ label: "EXPOSE <port>[/<protocol>] ...", parameters: [p("<port>", "A port number or a range like `8000-8010`."), p("[/<protocol>]", "`tcp` (the default) or `udp`.")] }],
    snippet: "${1:8080}",
  },
  FROM: {
    summary: "Start a build stage from a base image.",
    details: "Every stage begins with FROM. Global ARGs (declared before the first FROM) can be used in it.",
    forms: [
      { label: "FROM [--platform=<platform>] <image> [AS <name>]", parameters: [PLATFORM, IMAGE, STAGE] },
      { label: "FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]", parameters: [PLATFORM, p("<image>[:<tag>]", "An image and tag; `latest` when none is given."), STAGE] },
      { label: "FROM [--platform=<platform>] <image>[@<digest>] [AS <name>]", parameters: [PLATFORM, p("<image>[@<digest>]", "An image pinned to a digest, for repeatable builds."), STAGE] },
    ],
    snippet: "${1:image}:${2:tag}${3: AS ${4:name}}",
  },
  HEALTHCHECK: {
    summary: "Tell Docker how to check that the container still works.",
    details: "The command exits 0 when healthy and 1 when not. `HEALTHCHECK NONE` turns off a check inherited from the base image.",
    forms: [
      { label: "HEALTHCHECK [OPTIONS] CMD <command>", parameters: [p("[OPTIONS]", "--interval, --timeout, --start-period, --start-interval, --retries"), p("CMD <command>", "The check, in shell or exec form.")] },
      { label: "HEALTHCHECK NONE", parameters: [p("NONE", "Disable any health check inherited from the base image.")] },
    ],
    snippet: "--interval=${1:30s} --timeout=${2:3s} CMD ${3:command}",
  },
  LABEL: {
    summary: "Add metadata to the image.",
    details: "Key-value pairs; `org.opencontainers.image.*` keys are the standard ones.",
    forms: [{ label: "LABEL <key>=<value> ...", parameters: [p("<key>", "The label's name, like `org.opencontainers.image.source`."), p("<value>", "Its value; quote it to keep spaces.")] }],
    snippet: "${1:org.opencontainers.image.title}=${2:value}",
  },
  MAINTAINER: {
    summary: "Set the author of the image (deprecated).",
    details: "Deprecated: use `LABEL org.opencontainers.image.authors=...` instead.",
    forms: [{ label: "MAINTAINER <name>", parameters: [p("<name>", "The author.")] }],
    snippet: "${1:name}",
    deprecated: true,
  },
  ONBUILD: {
    summary: "Add an instruction that runs when the image is used as a base.",
    details: "The trigger runs right after the FROM of a downstream build. ONBUILD cannot chain ONBUILD, and cannot trigger FROM or MAINTAINER.",
    forms: [{ label: "ONBUILD <INSTRUCTION>", parameters: [p("<INSTRUCTION>", "Any instruction but FROM, MAINTAINER and ONBUILD.")] }],
    snippet: "${1:RUN} ${2:command}",
  },
  RUN: {
    summary: "Run a command while building.",
    details: "Its result becomes a new layer. `--mount` gives it caches, secrets, SSH agents and files without copying them into the image.",
    forms: [
      { label: "RUN [OPTIONS] <command>", parameters: [p("[OPTIONS]", "--mount, --network, --security"), COMMAND], documentation: "Shell form: run with the stage's SHELL." },
      { label: 'RUN [OPTIONS] ["executable", "param1", "param2"]', parameters: [p("[OPTIONS]", "--mount, --network, --security"), EXEC], documentation: "Exec form: no shell.", isJson: true },
    ],
    snippet: "${1:command}",
  },
  SHELL: {
    summary: "Set the shell for the shell form of later instructions.",
    details: "Used by RUN, CMD and ENTRYPOINT in shell form from here on in the stage.",
    forms: [{ label: 'SHELL ["executable", "parameters"]', parameters: [p('["executable", "parameters"]', 'The shell and its options, like `["/bin/bash", "-o", "pipefail", "-c"]`.')], isJson: true }],
    snippet: '["${1:/bin/bash}", "${2:-c}"]',
  },
  STOPSIGNAL: {
    summary: "Set the signal that stops the container.",
    details: "A name like `SIGTERM` (the default) or `SIGQUIT`, or a number.",
    forms: [{ label: "STOPSIGNAL <signal>", parameters: [p("<signal>", "A signal name (`SIGTERM`) or number (`9`).")] }],
    snippet: "${1:SIGTERM}",
  },
  USER: {
    summary: "Set the user (and group) for later instructions and the container.",
    details: "A name or UID, optionally with a group or GID. Without it, everything runs as root.",
    forms: [{ label: "USER <user>[:<group>]", parameters: [p("<user>", "A user name or UID."), p("[:<group>]", "A group name or GID.")] }],
    snippet: "${1:user}",
  },
  VOLUME: {
    summary: "Declare mount points for external volumes.",
    details: "Changes made to these paths by later instructions are discarded.",
    forms: [
      { label: "VOLUME <path> ...", parameters: [p("<path>", "A path in the container.")] },
      { label: 'VOLUME ["<path>", ...]', parameters: [p('["<path>", ...]', "Paths as a JSON array.")], isJson: true },
    ],
    snippet: "${1:/data}",
  },
  WORKDIR: {
    summary: "Set the working directory.",
    details: "For RUN, CMD, ENTRYPOINT, COPY and ADD after it; created when missing. A relative path is relative to the previous WORKDIR.",
    forms: [{ label: "WORKDIR <path>", parameters: [p("<path>", "An absolute path, preferably.")] }],
    snippet: "${1:/app}",
  },
};

/** The Dockerfile reference's section on an instruction. */
export function instructionUrl(name: string): string {
  return `https://docs.docker.com/reference/dockerfile/#${name.toLowerCase()}`;
}

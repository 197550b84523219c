// Help texts. Each command's help lists its options and examples.
export const MAIN_HELP = `dflint: a Dockerfile toolchain

Usage:
  dflint [lint] [OPTIONS] PATH...  lint Dockerfiles (files, directories, globs, - for standard input)
  dflint rules [CODE...]           list the rules, or print one rule's documentation
  dflint parse [--format F] FILE   print what the parser makes of a file
  dflint fmt [OPTIONS] PATH...     format Dockerfiles (to standard output, or --write, --check, --diff)
  dflint build [OPTIONS] [CONTEXT] build an image on a Docker engine (lints first)
  dflint context [OPTIONS] [CONTEXT]
                                   show what a build would send to the engine
  dflint lsp [--stdio]             run the language server for editors
  dflint COMMAND --help            a command's options and examples (also: dflint help COMMAND)
  dflint --version | --help

Commands:
  lint     Lint each file with every rule (the default command; 'check' is the same).
  rules    List every rule with its code, name, level, aliases and fix; with a code, name or alias,
           print that rule's summary, rationale, examples and fix.
  parse    Print the syntax tree (--format json), BuildKit's AST dump
           (--format buildkit) or BuildKit-shaped records (--format buildkit-json).
  fmt      Format Dockerfiles: layout only, never what BuildKit reads (heredocs, comments, quotes,
           directives and line endings are kept).
  build    Lint the Dockerfile, then stream the context to the Docker engine and build.
  context  List the files a build would send, with sizes (--json for a machine-readable list).
  lsp      Serve the Language Server Protocol over standard input and output, for editors.

Examples:
  dflint Dockerfile
  dflint .                                   # every Dockerfile under the current directory
  dflint --format sarif 'services/**/Dockerfile' > dflint.sarif
  dflint --fix Dockerfile
  dflint rules DL3006
  dflint parse --format buildkit Dockerfile
  dflint fmt --check .

Exit codes: 0 nothing at or above the failure threshold, 1 findings at or above it,
2 usage, configuration or I/O error. dflint COMMAND --help lists a command's options.`;

export const LINT_HELP = `Usage: dflint [lint] [OPTIONS] PATH...

Lints Dockerfiles. PATH is a file, a directory (searched for Dockerfile, Dockerfile.*, *.Dockerfile,
*.dockerfile and Containerfile*, skipping node_modules and what .gitignore ignores), a glob (*, **, ?,
[...]; quote it so the shell leaves it to dflint) or - for standard input.

Output:
  -f, --format FORMAT         tty (colour, code frames, summary; the default on a terminal),
                              text (FILE:LINE:COL: LEVEL CODE message [name]; the default otherwise),
                              json, sarif (2.1.0), checkstyle, gitlab (Code Quality), gnu,
                              github (workflow annotations)
      --color, --no-color     force colour on or off (NO_COLOR and FORCE_COLOR are honoured)
  -v, --verbose               say which configuration and ignore files each file uses, and what was fixed

Rules:
      --ignore CODE           turn a rule off (a code, name or alias; repeatable, or comma-separated)
      --error CODE            report a rule at this level (also --warning, --info, --style), as hadolint
      --experimental CODE     turn on an experimental rule (or 'all')
      --trusted-registry R    allow FROM images from this registry only (repeatable)
      --require-label L:TYPE  require a label of a type: text, url, rfc3339, spdx, hash, semver, email
      --strict-labels         report labels outside the --require-label schema
      --disable-ignore-pragma ignore '# hadolint ignore=' and '# dflint ignore=' comments
      --no-shellcheck         do not run ShellCheck on RUN scripts (it runs when 'shellcheck' is on PATH;
                              its findings have codes like SC2086; '.dflint.yaml': shellcheck: false)

Failing:
  -t, --failure-threshold L   exit 1 when a finding is at or above L: error, warning, info (default),
                              style, or none (never)
      --no-fail               always exit 0 when the files could be linted

Build:
      --build-arg NAME=VALUE  a build argument, as docker build takes it (NAME alone: from the environment)
      --target STAGE          the stage to build
      --platform OS/ARCH      the target platform
      --context DIR           the build context (default: each Dockerfile's directory); its .dockerignore,
                              or <Dockerfile>.dockerignore beside the Dockerfile, tells what COPY sends

Fixing:
      --fix                   apply safe fixes in place (atomically: the file is replaced whole or not at all)
      --unsafe-fixes          with --fix, also apply fixes that may change what is built
      --stdin-filename NAME   the name to report standard input by, and to find its configuration from;
                              with --fix, the fixed text is printed and the findings go to standard error

Configuration:
  -c, --config FILE           use this file instead of looking for one
  Otherwise each Dockerfile uses the nearest .dflint.yaml (or .hadolint.yaml, read as hadolint reads it)
  in its directory or above, up to the repository root, else $XDG_CONFIG_HOME/dflint/config.yaml
  (~/.config/dflint/config.yaml) or hadolint's user configuration. Command-line options add to it.

Examples:
  dflint Dockerfile
  dflint --ignore DL3008 --failure-threshold warning docker/
  dflint --format json 'apps/**/*.Dockerfile' | jq '.[] | select(.level == "error")'
  dflint --format github Dockerfile          # in a GitHub Actions step
  cat Dockerfile | dflint --stdin-filename Dockerfile -
  dflint --fix --unsafe-fixes Dockerfile

Exit codes: 0 nothing at or above the threshold, 1 findings at or above it (or '# check=error=true'
with any finding), 2 usage, configuration or I/O errors (the other files are still linted).`;

export const RULES_HELP = `Usage: dflint rules [--format text|json] [CODE...]

Without CODE, lists every rule: code, name, default level (off: only when configured on), fix
(safe, unsafe or -) and aliases (hadolint codes and BuildKit check names it answers to).
With CODE (a code, name or alias), prints the rule's summary, rationale, a bad and a good example,
and whether its fix is safe.

Examples:
  dflint rules
  dflint rules DL3006
  dflint rules image-untagged
  dflint rules --format json | jq '.[] | select(.fix != null) | .code'`;

export const PARSE_HELP = `Usage: dflint parse [--format json|buildkit|buildkit-json] FILE...

  --format json           the whole lossless syntax tree and the diagnostics (default)
  --format buildkit       BuildKit's AST dump, one line per instruction (as its parser tests print it)
  --format buildkit-json  one JSON line per file, in the record shape of BuildKit observations
                          (file, escape, instructions with dump/lines/original/flags/json/heredocs, warnings;
                          or file and error when BuildKit's parser refuses the file)

Examples:
  dflint parse Dockerfile | jq '.tree.instructions[].name'
  dflint parse --format buildkit Dockerfile`;

export const FMT_HELP = `Usage: dflint fmt [OPTIONS] PATH...

Formats Dockerfiles. PATH is a file, a directory (searched as dflint lint searches it), a glob or - for
standard input. With one file or -, and none of --write, --check and --diff, the formatted text goes to
standard output. Only layout changes: keyword case, spacing between parts, continuation indentation,
&& / || / ; chains one command a line (in continued RUN commands), JSON arrays, blank lines and
trailing blanks. Heredoc bodies, comments, quoted text, directives, the escape character and line
endings are kept; every change is checked against what BuildKit reads, and a file with syntax errors
is left as it is.

Mode:
  -w, --write                 rewrite the files that change (atomically, keeping their mode)
      --check                 list the files that would change, and exit 1 if any would
  -d, --diff                  print a unified diff of each change (with --check: and exit 1)

Layout:
      --indent N|tab          continuation lines: N spaces a level (1 to 16; default 4) or a tab
      --no-break-chains       keep && / || / ; chains on the lines they are on (--break-chains: the default)
      --shell                 also lay out RUN commands with mvdan/sh's printer (POSIX shells only; the
                              shell syntax tree is kept, or the command is left in the default layout)

Configuration:
  -c, --config FILE           use this file instead of looking for one
      --stdin-filename NAME   the name of standard input, for messages and for finding its configuration
  Options come from .editorconfig (indent_style, indent_size), then the 'format:' section of the nearest
  .dflint.yaml (indent: 4 | tab, break-chains: true, shell: false), then the command line.

Examples:
  dflint fmt Dockerfile                      # print the formatted file
  dflint fmt --write .
  dflint fmt --check --diff 'services/**/Dockerfile'
  cat Dockerfile | dflint fmt --indent tab -

Exit codes: 0 formatted, or nothing to change; 1 with --check, when a file would change;
2 usage, configuration or I/O errors, or a file with syntax errors (left as it is).`;

export const LSP_HELP = `Usage: dflint lsp [--stdio | --node-ipc]

Runs the language server: diagnostics from every rule, quick fixes, hover, completion, outline,
folding, semantic tokens, go to definition, references, rename, links, inlay hints, signature help.

  --stdio      speak LSP over standard input and output (the default)
  --node-ipc   speak LSP over Node's IPC channel (when an editor starts dflint as a Node module)

Each Dockerfile uses its .dflint.yaml or .hadolint.yaml, found as 'dflint lint' finds it, and its
build context's .dockerignore; the editor's 'dflint' settings take the same keys, and also
configFile, context, target, platform, buildArgs and debounce (milliseconds; default 150).

Examples:
  nvim:  vim.lsp.start_client({ name = "dflint", cmd = { "dflint", "lsp", "--stdio" } })
  helix: [language-server.dflint] command = "dflint", args = ["lsp", "--stdio"]`;

export const BUILD_HELP = `Usage: dflint build [OPTIONS] [CONTEXT]

Builds an image from CONTEXT (a directory; default .; - for none, with the Dockerfile on standard input)
on a Docker engine, as docker build does. With BuildKit the engine pulls the files the build reads
through a session; the legacy builder gets the context as a tar. Either way after .dockerignore (or
<Dockerfile>.dockerignore beside the Dockerfile).
The engine is DOCKER_HOST (unix://, tcp:// with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, ssh://), else
DOCKER_CONTEXT or the current docker context, else /var/run/docker.sock.

Options:
  -f, --file FILE             the Dockerfile (relative to the working directory; - for standard input)
  -t, --tag NAME[:TAG]        tag the image (repeatable)
      --build-arg K[=V]       a build argument (K alone: from the environment)
      --target STAGE          build this stage
      --label K=V             set a label on the image (repeatable)
      --no-cache              do not use the build cache
      --compress              gzip the context tar (for an engine over a slow link; the tar upload only)
      --force-rm              remove intermediate containers even when a step fails (legacy builder)
      --rm=false              keep the intermediate containers of a successful build (legacy builder)
      --pull                  always pull the base images
      --platform OS/ARCH      the target platform
      --network MODE          RUN's network (BuildKit: default, host or none)
      --cache-from IMAGE      images to take cache from (repeatable)
      --add-host HOST:IP      an /etc/hosts entry for RUN (repeatable)
      --shm-size SIZE         /dev/shm for RUN (bytes, or 64m, 1g)
      --ulimit NAME=S[:H]     a ulimit for RUN (repeatable)
  -m, --memory SIZE           RUN's memory limit (legacy builder; BuildKit ignores these limits)
      --memory-swap SIZE      memory and swap together (-1: unlimited swap; legacy builder)
  -c, --cpu-shares N          RUN's relative CPU weight (legacy builder)
      --cpuset-cpus LIST      the CPUs RUN may use, as 0-3,5 (legacy builder)
      --cpuset-mems LIST      the memory nodes RUN may use (legacy builder)
      --cpu-period US         the CFS period, and --cpu-quota US the time RUN may use in it (legacy)
      --cpu-quota US          (see --cpu-period)
      --cgroup-parent PATH    the cgroup RUN's containers go under (legacy builder)
      --secret id=ID,src=FILE a secret that RUN mounts with type=secret (or id=ID,env=NAME; BuildKit)
      --ssh default|ID[=SOCK] an SSH agent that RUN mounts with type=ssh (SOCK: SSH_AUTH_SOCK; BuildKit)
  -o, --output DEST           write the result's files, not an image: DIR or type=local,dest=DIR; a tar:
                              type=tar,dest=FILE, or - for standard output (BuildKit)
  -q, --quiet                 print only the image ID (on standard output)
      --iidfile FILE          write the image ID to FILE
      --progress MODE         auto (tty on a terminal), plain, tty, or json (the events, one per line)
      --builder KIND          legacy or buildkit (default: BuildKit when the engine can)
      --context-mode MODE     full (the default: what docker sends) or minimal (only what the target's
                              COPY, ADD and RUN --mount read; the full context when that cannot be known)
      --lint, --no-lint       lint first and stop when a finding reaches the failure threshold (default: lint)
      --failure-threshold L   the lint level that stops the build (default: the configuration's, else error)

Examples:
  dflint build -t app:dev .
  dflint build --context-mode minimal --builder legacy -t app .
  dflint build -f - . < Dockerfile
  dflint build --secret id=npmrc,src=$HOME/.npmrc -t app .
  dflint build --ssh default -t app .
  dflint build --target artifacts -o dist .
  dflint build --progress json -q . > image-id

Exit codes: 0 built, 1 lint findings or a failed build (the daemon's message and the Dockerfile line),
2 usage, I/O errors or no engine, 130 interrupted (the build is cancelled on the engine).`;

export const CONTEXT_HELP = `Usage: dflint context [-f FILE] [--json] [--context-mode full|minimal] [CONTEXT]

Shows what dflint build would send as the build context, without contacting an engine: the files
after .dockerignore, their sizes, and the largest folders, so you can see why a context is large.

  -f, --file FILE          the Dockerfile (- for standard input)
      --json               {"files":[{"path","size"}],"totalBytes"}: files and symlinks, paths relative
                           to the context with / separators
      --context-mode MODE  full (default) or minimal (what the target reads)
      --build-arg K[=V]    build arguments, for sources that use them (minimal mode)
      --target STAGE       the stage to build (minimal mode)

Examples:
  dflint context
  dflint context --json . | jq '.totalBytes'
  dflint context --context-mode minimal --target prod .`;

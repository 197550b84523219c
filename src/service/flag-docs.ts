// What each instruction flag and each RUN --mount option means, and the values they take, from
// Docker's Dockerfile reference. The parser's table (syntax/check-flags.ts) decides which flags
// are valid; this one explains them.

export interface ValueDoc {
  value: string;
  documentation: string;
}

export interface FlagDoc {
  summary: string;
  /** `--name=<placeholder>` in docs and snippets; absent for a switch. */
  placeholder?: string;
  /** The values the flag takes, when they are a closed set. */
  values?: ValueDoc[];
  /** Since which dockerfile frontend version, when that matters. */
  since?: string;
}

const v = (value: string, documentation: string): ValueDoc => ({ value, documentation });
const CHOWN: FlagDoc = { summary: "The owner of the copied files, `<user>[:<group>]`, by name or ID (Linux only).", placeholder: "user:group" };
const CHMOD: FlagDoc = { summary: "The permissions of the copied files: octal like `755`, or symbolic like `u=rwx,go=rx`.", placeholder: "755" };
const LINK: FlagDoc = {
  summary: "Copy into a layer of its own that does not depend on earlier layers, so it is reused when they change and survives rebasing.",
  values: [v("true", "Link."), v("false", "Copy into the current filesystem (the default).")],
};
const EXCLUDE: FlagDoc = { summary: "Leave out paths that match this pattern (repeatable).", placeholder: "pattern", since: "dockerfile 1.10" };
const DURATION = (what: string, byDefault: string): FlagDoc => ({ summary: `${what} Default: ${byDefault}.`, placeholder: byDefault });

export const FLAG_DOCS: Readonly<Record<string, Readonly<Record<string, FlagDoc>>>> = {
  FROM: {
    platform: {
      summary: "The platform to pull the image for, `os/arch[/variant]`. `$BUILDPLATFORM` builds on the builder's own platform, for cross-compiling.",
      placeholder: "linux/amd64",
      values: [
        v("$BUILDPLATFORM", "The platform of the builder."),
        v("$TARGETPLATFORM", "The platform being built for."),
        v("linux/amd64", "64-bit x86."),
        v("linux/arm64", "64-bit ARM."),
        v("linux/arm/v7", "32-bit ARMv7."),
      ],
    },
  },
  RUN: {
    mount: { summary: "Mount a filesystem for this command only: a cache, a secret, an SSH agent, files from a stage or the context, or a tmpfs.", placeholder: "type=cache,target=/path" },
    network: {
      summary: "The network the command runs with.",
      placeholder: "none",
      values: [v("default", "The default network."), v("none", "No network access."), v("host", "The host's network (needs the `network.host` entitlement).")],
    },
    security: {
      summary: "Run with or without the sandbox.",
      placeholder: "insecure",
      values: [v("sandbox", "The default sandbox."), v("insecure", "Elevated privileges, like `docker run --privileged` (needs the `security.insecure` entitlement).")],
    },
    device: { summary: "Make a CDI device available to the command (`dockerfile:1-labs`).", placeholder: "vendor.com/class=name" },
  },
  COPY: {
    from: { summary: "Copy from a build stage (by name or index), an image, or a named build context instead of the build context.", placeholder: "stage" },
    chown: CHOWN,
    chmod: CHMOD,
    link: LINK,
    parents: {
      summary: "Keep the sources' parent directories under the destination.",
      values: [v("true", "Keep the parent directories."), v("false", "Copy the sources alone (the default).")],
    },
    exclude: EXCLUDE,
  },
  ADD: {
    chown: CHOWN,
    chmod: CHMOD,
    link: LINK,
    checksum: { summary: "The checksum a remote source must have, like `sha256:...`; the build fails when it differs.", placeholder: "sha256:" },
    "keep-git-dir": {
      summary: "Keep the `.git` directory when adding a Git repository.",
      values: [v("true", "Keep `.git`."), v("false", "Leave it out (the default).")],
    },
    unpack: {
      summary: "Whether to extract an archive source. Local tar archives are extracted by default, remote ones are not.",
      values: [v("true", "Extract."), v("false", "Copy the archive as a file.")],
    },
    exclude: EXCLUDE,
  },
  HEALTHCHECK: {
    interval: DURATION("Time between checks.", "30s"),
    timeout: DURATION("A check that takes longer fails.", "30s"),
    "start-period": DURATION("Start-up time during which failed checks do not count.", "0s"),
    "start-interval": DURATION("Time between checks during the start period.", "5s"),
    retries: { summary: "Consecutive failures after which the container is unhealthy. Default: 3.", placeholder: "3" },
  },
};

export interface MountOptionDoc {
  summary: string;
  /** The mount types that take it. */
  types: readonly string[];
  values?: ValueDoc[];
  /** Other spellings BuildKit accepts. */
  aliases?: readonly string[];
}

export const MOUNT_TYPE_DOCS: readonly ValueDoc[] = [
  v("bind", "Files from the build context, a stage or an image, read-only by default (the default type)."),
  v("cache", "A directory kept between builds, for package managers and compilers."),
  v("tmpfs", "An empty in-memory filesystem."),
  v("secret", "A secret given with `--secret`, as a file (or an environment variable); never stored in the image."),
  v("ssh", "The SSH agent socket given with `--ssh`, for private Git repositories."),
];

const ALL = ["bind", "cache", "tmpfs", "secret", "ssh"];

export const MOUNT_OPTION_DOCS: Readonly<Record<string, MountOptionDoc>> = {
  type: { summary: "The kind of mount.", types: ALL, values: [...MOUNT_TYPE_DOCS] },
  target: { summary: "Where to mount it.", types: ALL, aliases: ["dst", "destination"] },
  source: { summary: "The path in `from` to mount (bind, cache), relative to its root.", types: ["bind", "cache"], aliases: ["src"] },
  from: { summary: "The stage, image or named context to mount from (bind: the build context by default; cache: an empty directory).", types: ["bind", "cache"] },
  readonly: { summary: "Mount read-only (a cache's default is read-write).", types: ["bind", "cache"], aliases: ["ro"] },
  readwrite: { summary: "Allow writes; to a bind mount they are discarded after the command (a bind's default is read-only).", types: ["bind", "cache"], aliases: ["rw"] },
  id: { summary: "The cache's, secret's or SSH agent's id (a cache's default is its target; a secret's is the target's base name).", types: ["cache", "secret", "ssh"] },
  sharing: {
    summary: "How concurrent builds share the cache.",
    types: ["cache"],
    values: [v("shared", "Used by every writer at once (the default)."), v("private", "A new cache for each concurrent writer."), v("locked", "Writers wait for each other.")],
  },
  required: {
    summary: "Fail the build when the secret or SSH agent is not given.",
    types: ["secret", "ssh"],
    values: [v("true", "Required."), v("false", "Optional (the default).")],
  },
  size: { summary: "The tmpfs's size limit, in bytes.", types: ["tmpfs"] },
  mode: { summary: "The file mode, in octal (a cache's default is 0755, a secret's 0400, an SSH socket's 0600).", types: ["cache", "secret", "ssh"] },
  uid: { summary: "The owner's user ID (default 0).", types: ["cache", "secret", "ssh"] },
  gid: { summary: "The owner's group ID (default 0).", types: ["cache", "secret", "ssh"] },
  env: { summary: "Expose the secret as this environment variable instead of (or besides) a file.", types: ["secret"] },
};

/** The option a mount key names (its aliases included), if any. */
export function mountOption(key: string): { name: string; doc: MountOptionDoc } | null {
  const k = key.toLowerCase();
  for (const [name, doc] of Object.entries(MOUNT_OPTION_DOCS)) {
    if (name === k || doc.aliases?.includes(k)) return { name, doc };
  }
  return null;
}

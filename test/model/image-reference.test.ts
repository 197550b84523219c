// Image references as Docker reads them: the cases of distribution/reference's own tests, Docker's error
// messages, and properties checked against the Go regexps composed verbatim from regexp.go.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseImageReference, type ImageReference } from "../../src/model/image-reference.js";

const RUNS = Number(process.env.PROPERTY_RUNS) || 300;

const HEX = "0123456789abcdef".repeat(4);
const DIGEST = `sha256:${HEX}`;

const valid: ImageReference[] = [
  {
    raw: "busybox",
    registry: null, path: "busybox", tag: null, digest: null,
    normalized: "docker.io/library/busybox:latest",
    domain: "docker.io", repository: "library/busybox", familiar: "busybox", isDockerHub: true,
  },
  {
    raw: "busybox:1.36",
    registry: null, path: "busybox", tag: "1.36", digest: null,
    normalized: "docker.io/library/busybox:1.36",
    domain: "docker.io", repository: "library/busybox", familiar: "busybox", isDockerHub: true,
  },
  {
    raw: "library/busybox",
    registry: null, path: "library/busybox", tag: null, digest: null,
    normalized: "docker.io/library/busybox:latest",
    domain: "docker.io", repository: "library/busybox", familiar: "busybox", isDockerHub: true,
  },
  {
    raw: "docker.io/busybox",
    registry: "docker.io", path: "busybox", tag: null, digest: null,
    normalized: "docker.io/library/busybox:latest",
    domain: "docker.io", repository: "library/busybox", familiar: "busybox", isDockerHub: true,
  },
  {
    raw: "index.docker.io/library/busybox:latest",
    registry: "index.docker.io", path: "library/busybox", tag: "latest", digest: null,
    normalized: "docker.io/library/busybox:latest",
    domain: "docker.io", repository: "library/busybox", familiar: "busybox", isDockerHub: true,
  },
  {
    raw: "myorg/app:v2",
    registry: null, path: "myorg/app", tag: "v2", digest: null,
    normalized: "docker.io/myorg/app:v2",
    domain: "docker.io", repository: "myorg/app", familiar: "myorg/app", isDockerHub: true,
  },
  {
    raw: "localhost:5000/a/b:c",
    registry: "localhost:5000", path: "a/b", tag: "c", digest: null,
    normalized: "localhost:5000/a/b:c",
    domain: "localhost:5000", repository: "a/b", familiar: "localhost:5000/a/b", isDockerHub: false,
  },
  {
    // localhost is a registry even without a port
    raw: "localhost/app",
    registry: "localhost", path: "app", tag: null, digest: null,
    normalized: "localhost/app:latest",
    domain: "localhost", repository: "app", familiar: "localhost/app", isDockerHub: false,
  },
  {
    // a one-component name is always an official image, even one spelled like a host
    raw: "localhost",
    registry: null, path: "localhost", tag: null, digest: null,
    normalized: "docker.io/library/localhost:latest",
    domain: "docker.io", repository: "library/localhost", familiar: "localhost", isDockerHub: true,
  },
  {
    raw: `ghcr.io/org/app@${DIGEST}`,
    registry: "ghcr.io", path: "org/app", tag: null, digest: DIGEST,
    normalized: `ghcr.io/org/app@${DIGEST}`,
    domain: "ghcr.io", repository: "org/app", familiar: "ghcr.io/org/app", isDockerHub: false,
  },
  {
    // Docker keeps both; only ParseDockerRef (pulling) drops the tag
    raw: `app:tag@${DIGEST}`,
    registry: null, path: "app", tag: "tag", digest: DIGEST,
    normalized: `docker.io/library/app:tag@${DIGEST}`,
    domain: "docker.io", repository: "library/app", familiar: "app", isDockerHub: true,
  },
  {
    raw: "[::1]:5000/x",
    registry: "[::1]:5000", path: "x", tag: null, digest: null,
    normalized: "[::1]:5000/x:latest",
    domain: "[::1]:5000", repository: "x", familiar: "[::1]:5000/x", isDockerHub: false,
  },
  {
    raw: "[fc00:1:2:3:4:5:6:7]/library/debian:12",
    registry: "[fc00:1:2:3:4:5:6:7]", path: "library/debian", tag: "12", digest: null,
    normalized: "[fc00:1:2:3:4:5:6:7]/library/debian:12",
    domain: "[fc00:1:2:3:4:5:6:7]", repository: "library/debian", familiar: "[fc00:1:2:3:4:5:6:7]/library/debian",
    isDockerHub: false,
  },
  {
    raw: "registry.example.com:8443/team/app",
    registry: "registry.example.com:8443", path: "team/app", tag: null, digest: null,
    normalized: "registry.example.com:8443/team/app:latest",
    domain: "registry.example.com:8443", repository: "team/app", familiar: "registry.example.com:8443/team/app",
    isDockerHub: false,
  },
  {
    raw: "127.0.0.1:5000/privatebase",
    registry: "127.0.0.1:5000", path: "privatebase", tag: null, digest: null,
    normalized: "127.0.0.1:5000/privatebase:latest",
    domain: "127.0.0.1:5000", repository: "privatebase", familiar: "127.0.0.1:5000/privatebase", isDockerHub: false,
  },
  {
    raw: "gcr.io/a/b/c/d/e-f__g.h---i:1.0-rc_1",
    registry: "gcr.io", path: "a/b/c/d/e-f__g.h---i", tag: "1.0-rc_1", digest: null,
    normalized: "gcr.io/a/b/c/d/e-f__g.h---i:1.0-rc_1",
    domain: "gcr.io", repository: "a/b/c/d/e-f__g.h---i", familiar: "gcr.io/a/b/c/d/e-f__g.h---i", isDockerHub: false,
  },
  {
    raw: "a/b/c/d",
    registry: null, path: "a/b/c/d", tag: null, digest: null,
    normalized: "docker.io/a/b/c/d:latest",
    domain: "docker.io", repository: "a/b/c/d", familiar: "a/b/c/d", isDockerHub: true,
  },
  {
    // library/ comes off only a one-component official name
    raw: "docker.io/library/foo/bar",
    registry: "docker.io", path: "library/foo/bar", tag: null, digest: null,
    normalized: "docker.io/library/foo/bar:latest",
    domain: "docker.io", repository: "library/foo/bar", familiar: "library/foo/bar", isDockerHub: true,
  },
  {
    // an upper-case first component cannot be a namespace, so Docker takes it for a registry
    raw: "Foo/bar",
    registry: "Foo", path: "bar", tag: null, digest: null,
    normalized: "Foo/bar:latest",
    domain: "Foo", repository: "bar", familiar: "Foo/bar", isDockerHub: false,
  },
  {
    // '.' makes it a registry for splitDockerDomain, but '_' is no host character: Parse reads it as a
    // path component and the reference ends up with no domain at all
    raw: "my_reg.local/app",
    registry: null, path: "my_reg.local/app", tag: null, digest: null,
    normalized: "my_reg.local/app:latest",
    domain: "", repository: "my_reg.local/app", familiar: "my_reg.local/app", isDockerHub: false,
  },
  {
    // a hex ID is refused only as a whole reference
    raw: `docker.io/${HEX}`,
    registry: "docker.io", path: HEX, tag: null, digest: null,
    normalized: `docker.io/library/${HEX}:latest`,
    domain: "docker.io", repository: `library/${HEX}`, familiar: HEX, isDockerHub: true,
  },
  {
    raw: `img@sha512:${HEX}${HEX}`,
    registry: null, path: "img", tag: null, digest: `sha512:${HEX}${HEX}`,
    normalized: `docker.io/library/img@sha512:${HEX}${HEX}`,
    domain: "docker.io", repository: "library/img", familiar: "img", isDockerHub: true,
  },
  {
    raw: "ubuntu:UPPER_Tag.1-x",
    registry: null, path: "ubuntu", tag: "UPPER_Tag.1-x", digest: null,
    normalized: "docker.io/library/ubuntu:UPPER_Tag.1-x",
    domain: "docker.io", repository: "library/ubuntu", familiar: "ubuntu", isDockerHub: true,
  },
  {
    // scratch is the caller's business
    raw: "scratch",
    registry: null, path: "scratch", tag: null, digest: null,
    normalized: "docker.io/library/scratch:latest",
    domain: "docker.io", repository: "library/scratch", familiar: "scratch", isDockerHub: true,
  },
];

const INVALID_FORMAT = "invalid reference format";
const invalid: [text: string, error: string][] = [
  ["Upper", "invalid reference format: repository name (library/Upper) must be lowercase"],
  ["myorg/App", "invalid reference format: repository name (myorg/App) must be lowercase"],
  ["ghcr.io/Org/app:v1", "invalid reference format: repository name (Org/app) must be lowercase"],
  // an upper-case first component is a registry, and this one is not a valid host
  ["Foo_x/bar", "repository name must be lowercase"],
  ["busybox:", INVALID_FORMAT],
  ["a:b:c", INVALID_FORMAT],
  ["busybox:-x", INVALID_FORMAT],
  [`busybox:${"t".repeat(129)}`, INVALID_FORMAT],
  ["", INVALID_FORMAT],
  [" ", INVALID_FORMAT],
  ["busy box", INVALID_FORMAT],
  ["busybox ", INVALID_FORMAT],
  ["-x", INVALID_FORMAT],
  ["x-/y", INVALID_FORMAT],
  ["a//b", INVALID_FORMAT],
  ["a/", INVALID_FORMAT],
  ["a..b", INVALID_FORMAT],
  ["a___b", INVALID_FORMAT],
  ["https://github.com/docker/docker", INVALID_FORMAT],
  ["[fc00::1]:5000", INVALID_FORMAT],
  ["fc00::1:5000/debian", INVALID_FORMAT],
  ["[fe80::1%eth0]:5000/debian", INVALID_FORMAT],
  ["deislabs:8080:8080/app:latest", INVALID_FORMAT],
  ["busybox@", INVALID_FORMAT],
  ["busybox@latest", INVALID_FORMAT],
  ["busybox@sha256:abc", INVALID_FORMAT],
  [`busybox@${HEX}`, INVALID_FORMAT],
  [`busybox@sha256:${HEX}@sha256:${HEX}`, INVALID_FORMAT],
  [`busybox@sha256:${HEX.slice(0, 32)}`, "invalid checksum digest length"],
  [`busybox@sha256:${HEX}00`, "invalid checksum digest length"],
  [`busybox@sha256:${HEX.toUpperCase()}`, "invalid checksum digest format"],
  [`busybox@md5:${HEX.slice(0, 32)}`, "unsupported digest algorithm"],
  [`busybox@b3.x+y_z:${HEX}`, "unsupported digest algorithm"],
  // the lowercase check looks up to the first ':', which here is the digest's
  [`busybox@SHA256:${HEX}`, "invalid reference format: repository name (library/busybox@SHA256) must be lowercase"],
  [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],
  // the limit is on the path, counted after `library/` is added
  ["a".repeat(248), "repository name must not be more than 255 characters"],
  [`example.com/${"a".repeat(256)}`, "repository name must not be more than 255 characters"],
];

describe("parseImageReference", () => {
  it.each(valid.map((r) => [r.raw, r] as const))("reads %j", (raw, expected) => {
    expect(parseImageReference(raw)).toEqual({ ok: true, reference: expected });
  });

  it.each(invalid)("refuses %j with Docker's message", (text, error) => {
    expect(parseImageReference(text)).toEqual({ ok: false, error });
  });

  it("allows a path of exactly 255 characters, wherever the registry", () => {
    expect(parseImageReference("a".repeat(247)).ok).toBe(true); // library/ + 247
    const long = parseImageReference(`registry.example.com:5000/${"a".repeat(255)}`);
    expect(long.ok && long.reference.repository.length).toBe(255);
  });

  it("prints a Hub namespace that looks like a host as Docker does, though it reads back as a registry", () => {
    const hub = parseImageReference("docker.io/a.b/c");
    expect(hub.ok && [hub.reference.domain, hub.reference.familiar]).toEqual(["docker.io", "a.b/c"]);
    const back = parseImageReference("a.b/c");
    expect(back.ok && back.reference.domain).toBe("a.b");
    expect(parseImageReference(HEX).ok).toBe(false); // the familiar name of docker.io/<hex>
  });

  it("reads sha384 digests", () => {
    const digest = `sha384:${HEX}${HEX.slice(0, 32)}`;
    const r = parseImageReference(`a@${digest}`);
    expect(r.ok && r.reference.digest).toBe(digest);
  });

  // A backtracking regexp on these would not finish within the test's time.
  it("answers on 100,000-character hostile input", { timeout: 5_000 }, () => {
    const n = 100_000;
    const cases: [string, string | null][] = [
      ["a".repeat(n), "repository name must not be more than 255 characters"],
      ["a-".repeat(n / 2) + "!", INVALID_FORMAT],
      ["a_".repeat(n / 2), INVALID_FORMAT],
      ["a" + "__a".repeat(n / 3) + "_", INVALID_FORMAT],
      ["a/".repeat(n / 2) + "!", INVALID_FORMAT],
      ["a.".repeat(n / 2) + "/x", INVALID_FORMAT],
      ["a" + "-".repeat(n) + "!/x", INVALID_FORMAT],
      ["a" + "-".repeat(n) + "b.com/x", null],
      ["a.".repeat(n / 2) + "a:5000/" + "a".repeat(100) + "!", INVALID_FORMAT],
      ["[" + ":".repeat(n), INVALID_FORMAT],
      ["x@" + "a".repeat(n), INVALID_FORMAT],
      ["x@a." + "a.".repeat(n / 2), INVALID_FORMAT],
      ["x@sha256:" + "a".repeat(n), "invalid checksum digest length"],
      ["a:".repeat(n / 2), INVALID_FORMAT],
      ["x:" + "a".repeat(n), INVALID_FORMAT],
      ["A-".repeat(n / 2) + "/x", INVALID_FORMAT],
    ];
    for (const [text, error] of cases) {
      const r = parseImageReference(text);
      if (error === null) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, error });
    }
    const upper = parseImageReference("A".repeat(n));
    expect(upper.ok).toBe(false);
    expect(!upper.ok && upper.error.startsWith("invalid reference format: repository name (library/AAA")).toBe(true);
  });
});

// ---- properties ----

// regexp.go's patterns, composed as Go composes them; fine for JavaScript on short input only.
const goAlphanumeric = "[a-z0-9]+";
const goSeparator = "(?:[._]|__|[-]+)";
const goDomainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const goTag = "[\\w][\\w.-]{0,127}";
const goDigest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}";
const goIpv6 = "\\[(?:[a-fA-F0-9:]+)\\]";
const goDomainName = `${goDomainNameComponent}(?:\\.${goDomainNameComponent})*`;
const goDomainAndPort = `(?:${goDomainName}|${goIpv6})(?::[0-9]+)?`;
const goPathComponent = `${goAlphanumeric}(?:${goSeparator}${goAlphanumeric})*`;
const goRemoteName = `${goPathComponent}(?:/${goPathComponent})*`;
const goName = `(?:${goDomainAndPort}/)?${goRemoteName}`;
const GO_REFERENCE = new RegExp(`^(${goName})(?::(${goTag}))?(?:@(${goDigest}))?$`);
const GO_ANCHORED_NAME = new RegExp(`^(?:(${goDomainAndPort})/)?(${goRemoteName})$`);

const TOKENS = [
  "a", "b", "z", "0", "9", "ab", ".", "_", "__", "-", "--", "/", "/", ":", ":", "@", "sha256:", "sha512:", HEX,
  HEX.slice(0, 32), "[", "]", "::1", "A", "Q", "localhost", "docker.io", "index.docker.io", "library/", "5000",
  "latest", " ", "\t", "İ", "Σ", "K", "é", "🐳", "\u0000", "%", "$", "{",
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), tokenText);

const component = fc.stringMatching(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/, { size: "xsmall" });
const wellFormed = fc.record({
  registry: fc.constantFrom(
    "", "docker.io/", "index.docker.io/", "localhost/", "localhost:5000/", "ghcr.io/", "registry.example.com:443/",
    "127.0.0.1:5000/", "[::1]:5000/", "[fc00:1:2::3]/", "Registry/", "my_reg.local/",
  ),
  path: fc.array(component, { minLength: 1, maxLength: 4 }).map((c) => c.join("/")),
  tag: fc.option(fc.stringMatching(/^\w[\w.-]{0,20}$/), { nil: null }),
  digest: fc.option(
    fc.constantFrom(DIGEST, `sha256:${"f".repeat(64)}`, `sha512:${HEX}${HEX}`),
    { nil: null },
  ),
});

describe("parseImageReference properties", () => {
  it("never throws, and answers with a reference or a message", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseImageReference(text);
        if (r.ok) expect(r.reference.raw).toBe(text);
        else expect(r.error).not.toBe("");
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("is stable: a normalized reference normalizes to itself, with the same parts", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, wellFormed.map(joinParts)), (text) => {
        const r = parseImageReference(text);
        if (!r.ok) return;
        const again = parseImageReference(r.reference.normalized);
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        const { normalized, domain, repository, tag, digest, familiar, isDockerHub } = r.reference;
        expect(again.reference).toMatchObject({ normalized, domain, repository, familiar, isDockerHub, digest });
        expect(again.reference.tag).toBe(tag ?? (digest === null ? "latest" : null));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("names the same repository by its familiar name", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, wellFormed.map(joinParts)), (text) => {
        const r = parseImageReference(text);
        if (!r.ok || isAmbiguousFamiliar(r.reference.familiar)) return;
        const again = parseImageReference(r.reference.familiar);
        expect(again.ok && [again.reference.domain, again.reference.repository]).toEqual([
          r.reference.domain,
          r.reference.repository,
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads well-formed references part by part", () => {
    fc.assert(
      fc.property(wellFormed, (parts) => {
        const r = parseImageReference(joinParts(parts));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.reference.tag).toBe(parts.tag);
        expect(r.reference.digest).toBe(parts.digest);
        // Without a registry the first component may still read as one (`a.b/c`), so only written ones are checked.
        if (parts.registry !== "" && parts.registry !== "my_reg.local/") {
          expect(`${r.reference.registry}/`).toBe(parts.registry);
          expect(r.reference.path).toBe(parts.path);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("agrees with Go's composed regexps on what matches and how it splits", () => {
    // Behind a registry the text goes to Parse unchanged (after the lowercase check on the path).
    fc.assert(
      fc.property(tokenText, (text) => {
        const full = `example.com/${text}`;
        const r = parseImageReference(full);
        const m = GO_REFERENCE.exec(full);
        if (m === null) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error).toMatch(/^invalid reference format|^repository name must be lowercase$/);
          return;
        }
        if (!r.ok) {
          expect(r.error).toMatch(/lowercase|must not be more than|checksum digest|digest algorithm/);
          return;
        }
        const [, name = "", tag, digest] = m;
        const [, domain = "", path] = GO_ANCHORED_NAME.exec(name) ?? [];
        expect(r.reference).toMatchObject({ domain, repository: path, tag: tag ?? null, digest: digest ?? null });
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

// Docker's familiar names are not always names of the same thing: `docker.io/<64 hex>` is valid but its
// familiar name alone is an image ID, and `docker.io/a.b/c` or `docker.io/localhost/c` print as names whose
// first component reads as a registry.
function isAmbiguousFamiliar(familiar: string): boolean {
  const first = familiar.split("/")[0] ?? "";
  return /^[a-f0-9]{64}$/.test(familiar) || (familiar.includes("/") && (first === "localhost" || /[.:]/.test(first)));
}

function joinParts(parts: { registry: string; path: string; tag: string | null; digest: string | null }): string {
  return parts.registry + parts.path + (parts.tag === null ? "" : `:${parts.tag}`) + (parts.digest === null ? "" : `@${parts.digest}`);
}

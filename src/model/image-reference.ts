// Docker's image reference grammar and normalization, as github.com/distribution/reference (v0.6)
// defines them: the regexps of regexp.go, Parse of reference.go, ParseNormalizedNamed, TagNameOnly and
// familiar names of normalize.go, and digest validation of github.com/opencontainers/go-digest v1.0.0.
// BuildKit runs FROM's image through ParseNormalizedNamed and TagNameOnly, so valid, invalid and the
// error messages here are Docker's.
//
// Go's regexps (RE2) run in linear time; JavaScript's backtrack. Instead of one big pattern the text is
// split where the grammar allows only one split ('@' before the digest, the last ':' before the tag,
// the first '/' after the domain) and each part is checked with a small pattern that cannot backtrack
// more than linearly, so hostile input of any length takes time in proportion to its length.

export interface ImageReference {
  /** As written. */
  raw: string;
  /** Registry host[:port] as written, or null when implicit. */
  registry: string | null;
  /** Repository path as written (`library/` not added), e.g. "nginx", "myorg/app". */
  path: string;
  tag: string | null;
  digest: string | null;
  /** Fully qualified: docker.io/library/nginx:latest style: domain + path (+ ":" + tag, defaulting to latest only when there is neither tag nor digest) (+ "@" + digest). */
  normalized: string;
  /** The normalized domain, e.g. docker.io. */
  domain: string;
  /** The normalized repository path, e.g. library/nginx. */
  repository: string;
  /** The short name Docker prints (`nginx`, `myorg/app`, `ghcr.io/x/y`). */
  familiar: string;
  isDockerHub: boolean;
}

export type ParsedImageReference =
  | { ok: true; reference: ImageReference }
  | {
      ok: false;
      /** Docker's message, e.g. "invalid reference format", "invalid reference format: repository name (library/Upper) must be lowercase". */
      error: string;
    };

const DEFAULT_DOMAIN = "docker.io";
// The old "Docker Index" name of Docker Hub, canonicalized to docker.io.
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const DEFAULT_TAG = "latest";
const LOCALHOST = "localhost";
// reference.RepositoryNameTotalLengthMax; since distribution/reference#9 it counts the path only, not the domain.
const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255;

// reference.go's errors, and go-digest v1.0.0's (the version Docker and BuildKit ship).
const ERR_REFERENCE_INVALID_FORMAT = "invalid reference format";
const ERR_NAME_CONTAINS_UPPERCASE = "repository name must be lowercase";
const ERR_NAME_TOO_LONG = `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters`;
const ERR_DIGEST_INVALID_FORMAT = "invalid checksum digest format";
const ERR_DIGEST_INVALID_LENGTH = "invalid checksum digest length";
const ERR_DIGEST_UNSUPPORTED = "unsupported digest algorithm";

// path-component: lower-case alphanumerics joined by one '.', one or two '_', or any number of '-'.
// Every separator is followed by an alphanumeric, so each character has one reading.
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const REMOTE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
// domain-component: alphanumerics with inner hyphens; upper case is allowed in a domain (not a path).
const DOMAIN_COMPONENT = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
// domain: a DNS-like name or IPv4 address, or an IPv6 address in brackets (no zone, no embedded IPv4),
// with an optional port.
const DOMAIN_AND_PORT = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`,
);
// Go's \w is ASCII only, as JavaScript's is without the u flag.
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
// A bare sha256 image ID; ParseNormalizedNamed refuses it as a name.
const IDENTIFIER = /^[a-f0-9]{64}$/;
// go-digest's DigestRegexpAnchored, only used to pick its error for an unknown algorithm.
const GO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const LOWER_HEX = /^[a-f0-9]*$/;
// go-digest's registered algorithms and their sizes in bytes; the encoded part is hex, twice as long.
const DIGEST_SIZES = new Map([
  ["sha256", 32],
  ["sha384", 48],
  ["sha512", 64],
]);

/** Parses an image reference as Docker does (FROM's image, after variable expansion). */
export function parseImageReference(text: string): ParsedImageReference {
  const named = parseNormalizedNamed(text);
  if (!named.ok) return named;
  const { domain, path: repository, tag, digest, written } = named;

  // Parse may re-read a written domain such as `my_registry.local` as a path component (it fails the
  // domain pattern but is a valid path), leaving the reference without a domain; Docker keeps it so.
  const registry = domain === "" ? null : written.registry;
  const path = domain !== "" && written.addedOfficialPrefix ? repository.slice(OFFICIAL_REPO_PREFIX.length) : repository;
  const name = domain === "" ? repository : `${domain}/${repository}`;
  // TagNameOnly: `latest` only when there is neither tag nor digest.
  const normalized =
    name + (tag !== "" ? `:${tag}` : digest === "" ? `:${DEFAULT_TAG}` : "") + (digest !== "" ? `@${digest}` : "");

  return {
    ok: true,
    reference: {
      raw: text,
      registry,
      path,
      tag: tag === "" ? null : tag,
      digest: digest === "" ? null : digest,
      normalized,
      domain,
      repository,
      familiar: familiarName(domain, repository),
      isDockerHub: domain === DEFAULT_DOMAIN,
    },
  };
}

interface GoReference {
  ok: true;
  domain: string;
  path: string;
  tag: string;
  digest: string;
}

interface WrittenDomain {
  /** The first component when splitDockerDomain took it for a domain, else null. */
  registry: string | null;
  /** Whether splitDockerDomain added `library/` to a one-component Docker Hub path. */
  addedOfficialPrefix: boolean;
}

type Failure = { ok: false; error: string };

// normalize.go ParseNormalizedNamed.
function parseNormalizedNamed(s: string): (GoReference & { written: WrittenDomain }) | Failure {
  if (IDENTIFIER.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const { domain, remainder, written } = splitDockerDomain(s);
  // Docker checks only up to the first ':' of the remainder, so a mis-split tag goes on to Parse.
  const tagSep = remainder.indexOf(":");
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (goToLower(remote) !== remote) {
    return { ok: false, error: `${ERR_REFERENCE_INVALID_FORMAT}: repository name (${remote}) must be lowercase` };
  }
  const parsed = parse(`${domain}/${remainder}`);
  if (!parsed.ok) return parsed;
  return { ...parsed, written };
}

// normalize.go splitDockerDomain: the first component is a domain when it is `localhost`, contains
// '.' or ':', or has upper case (repository paths are lower case); otherwise the name is on Docker Hub.
function splitDockerDomain(name: string): { domain: string; remainder: string; written: WrittenDomain } {
  const slash = name.indexOf("/");
  if (slash < 0) {
    // A one-component name is always a Docker Hub official image, even `localhost` or `example.com`.
    return {
      domain: DEFAULT_DOMAIN,
      remainder: OFFICIAL_REPO_PREFIX + name,
      written: { registry: null, addedOfficialPrefix: true },
    };
  }
  const maybeDomain = name.slice(0, slash);
  const maybeRemoteName = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  let registry: string | null;
  if (maybeDomain === LOCALHOST || /[.:]/.test(maybeDomain) || goToLower(maybeDomain) !== maybeDomain) {
    domain = maybeDomain === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : maybeDomain;
    remainder = maybeRemoteName;
    registry = maybeDomain;
  } else {
    domain = DEFAULT_DOMAIN;
    remainder = name;
    registry = null;
  }
  // `docker.io/ubuntu` is `docker.io/library/ubuntu`; other registries have no official namespace.
  const addedOfficialPrefix = domain === DEFAULT_DOMAIN && !remainder.includes("/");
  if (addedOfficialPrefix) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder, written: { registry, addedOfficialPrefix } };
}

// reference.go Parse.
function parse(s: string): GoReference | Failure {
  const match = matchReference(s);
  if (match === null) {
    const lower = goToLower(s);
    if (lower !== s && matchReference(lower) !== null) return { ok: false, error: ERR_NAME_CONTAINS_UPPERCASE };
    return { ok: false, error: ERR_REFERENCE_INVALID_FORMAT };
  }
  if (match.path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX) return { ok: false, error: ERR_NAME_TOO_LONG };
  if (match.digest !== "") {
    const error = validateDigest(match.digest);
    if (error !== null) return { ok: false, error };
  }
  return match;
}

// ReferenceRegexp: name [":" tag] ["@" digest], anchored. Neither name nor tag may hold '@', and a
// name's ':' (port, IPv6) is always followed by a '/', so the splits below are the only possible ones.
function matchReference(s: string): GoReference | null {
  let rest = s;
  let digest = "";
  const at = s.indexOf("@");
  if (at >= 0) {
    digest = s.slice(at + 1);
    rest = s.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }
  let name = rest;
  let tag = "";
  const colon = rest.lastIndexOf(":");
  if (colon >= 0 && !rest.includes("/", colon + 1)) {
    tag = rest.slice(colon + 1);
    name = rest.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  const split = matchName(name);
  return split === null ? null : { ok: true, ...split, tag, digest };
}

// anchoredNameRegexp: [domain "/"] remote-name. The optional domain is greedy, and it cannot hold a
// '/', so it is the first component whenever that reading matches.
function matchName(name: string): { domain: string; path: string } | null {
  const slash = name.indexOf("/");
  if (slash >= 0) {
    const domain = name.slice(0, slash);
    const path = name.slice(slash + 1);
    if (DOMAIN_AND_PORT.test(domain) && REMOTE_NAME.test(path)) return { domain, path };
  }
  return REMOTE_NAME.test(name) ? { domain: "", path: name } : null;
}

// go-digest v1.0.0 Digest.Validate: sha256, sha384 and sha512 with lower-case hex of the exact length.
// (Later go-digest reports a wrong length as "invalid checksum digest format"; Docker ships v1.0.0.)
function validateDigest(digest: string): string | null {
  const sep = digest.indexOf(":");
  const algorithm = digest.slice(0, sep);
  const encoded = digest.slice(sep + 1);
  const size = DIGEST_SIZES.get(algorithm);
  if (size === undefined) return GO_DIGEST.test(digest) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
  if (encoded.length !== size * 2) return ERR_DIGEST_INVALID_LENGTH;
  return LOWER_HEX.test(encoded) ? null : ERR_DIGEST_INVALID_FORMAT;
}

// normalize.go familiarizeName: Docker Hub names lose `docker.io/`, and official images `library/`
// (only a one-component remainder: `library/a/b` stays, as Hub has no nested official namespaces).
function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return domain === "" ? path : `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const remainder = path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!remainder.includes("/")) return remainder;
  }
  return path;
}

// Go's strings.ToLower maps each rune with unicode.ToLower (simple case mapping); JavaScript uses the
// full mapping, which differs only in turning U+0130 'İ' into "i̇" where Go gives "i".
function goToLower(s: string): string {
  return s.replace(/\u0130/g, "i").toLowerCase();
}

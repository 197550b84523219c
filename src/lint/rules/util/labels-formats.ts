// The value formats a label schema can ask for (hadolint's `label-schema` types), each as the
// standard defines it. hadolint delegates to Haskell libraries (network-uri, timerep, Cabal's SPDX
// list, semver, email-validate); these follow the same standards.
import { spdxLicenseId } from "./labels-spdx.js";

// RFC 3986 section 3: URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ], an absolute URI as
// network-uri's parseURI wants it (a bare `github.com/x` has no scheme and is not one).
const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = "%[0-9A-Fa-f]{2}";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const HOST = `(?:\\[[0-9A-Fa-f:.vV${UNRESERVED}${SUB_DELIMS}]+\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*)`;
const AUTHORITY = `(?:${USERINFO}@)?${HOST}(?::[0-9]*)?`;
const HIER_PART = `(?://${AUTHORITY}(?:/${PCHAR}*)*|/?(?:${PCHAR}+(?:/${PCHAR}*)*)?)`;
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.\\-]*:${HIER_PART}(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`);

/** An absolute URI by RFC 3986. */
export function isUri(text: string): boolean {
  return URI.test(text);
}

// RFC 3339 section 5.6: date-time = full-date "T" full-time; "T" and "Z" may be lower case.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** A date-time by RFC 3339, with the calendar checked (leap years, leap second 60). */
export function isRfc3339(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

/** A single SPDX license id (an expression such as `MIT OR Apache-2.0` is not one, as for hadolint). */
export function isSpdxId(text: string): boolean {
  return spdxLicenseId(text) !== undefined;
}

/** A git commit hash as hadolint accepts it: 7 (short) or 40 lower-case hex digits. */
export function isGitHash(text: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(text);
}

// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, no leading zeros, optional -pre.release and +build.
const NUMERIC = "(?:0|[1-9][0-9]*)";
const PRE_ID = `(?:${NUMERIC}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(`^${NUMERIC}\\.${NUMERIC}\\.${NUMERIC}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

/** A version by Semantic Versioning 2.0.0 (no `v` prefix). */
export function isSemver(text: string): boolean {
  return SEMVER.test(text);
}

// RFC 5322 section 3.4.1 addr-spec without the obsolete forms and comments, as email-validate checks it:
// local-part = dot-atom / quoted-string, domain = dot-atom / domain-literal.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*"';
const DOMAIN_LITERAL = "\\[[\\x21-\\x5A\\x5E-\\x7E]*\\]";
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|${DOMAIN_LITERAL})$`);

/** An e-mail address (an addr-spec, `jane@example.org`, not `Jane <jane@example.org>`) by RFC 5322. */
export function isEmail(text: string): boolean {
  return ADDR_SPEC.test(text);
}

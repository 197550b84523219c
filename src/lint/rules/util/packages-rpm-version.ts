// hadolint's test of an rpm package spec for yum and dnf (DL3033, DL3041): `name-version[-release]`.

// Characters of an rpm version or release (epoch `:`, `~` and `^` for pre and post releases).
const VERSION_PART = /^[A-Za-z0-9.~^_:+]+$/;

/**
 * Whether a package spec names a version: split on `-`, every part after the first is made of version
 * characters and one starts with a digit (`httpd-2.4.57`, `nodejs-18.19.0-1.el9`); an `.rpm` file always does.
 */
export function isRpmVersioned(spec: string): boolean {
  if (spec.endsWith(".rpm")) return true;
  const parts = spec.split("-").slice(1);
  return parts.length > 0 && parts.every((p) => VERSION_PART.test(p)) && parts.some((p) => /^\d/.test(p));
}

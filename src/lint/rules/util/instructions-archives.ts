// What hadolint takes for an archive (DL3010, DL3020): a name with one of these endings. BuildKit's
// ADD itself unpacks local tar archives by their content, whatever their name.
import { unquote } from "./instructions-operands.js";

// hadolint's archiveFileFormatExtensions, matched case-sensitively against the end of the path.
const ARCHIVE_ENDINGS = [".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz"];

/** Whether hadolint reads the path as an archive by its ending (quotes dropped). */
export function isArchivePath(path: string): boolean {
  const p = unquote(path);
  return ARCHIVE_ENDINGS.some((e) => p.endsWith(e));
}

/** The last path component, as hadolint cuts it (after the last `/` or `\`, quotes dropped). */
export function basename(path: string): string {
  const p = unquote(path);
  const cut = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return p.slice(cut + 1);
}

/**
 * Whether ADD might unpack this source although hadolint's list misses it: zstd and other compressed
 * tars (`.tar.zst`, `.tzst`, any `.tar.*`), archive endings in any case, and globs, which may match one.
 */
export function mayBeArchive(path: string): boolean {
  const p = unquote(path);
  if (isArchivePath(p) || /[*?[]/.test(p)) return true;
  const name = basename(p).toLowerCase();
  return /\.(tar(\.[a-z0-9]+)?|tgz|tbz2?|tb2|txz|tlz|tpz|tzst|tlz4|zst|zstd|lz4|gz|bz2|xz|lz|lzma|z)$/.test(name);
}

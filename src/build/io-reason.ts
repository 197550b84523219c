// Why a file operation failed, in a few words for a message that already names the file: one reading
// of Node's error codes for the builder (the library's part the package ships) and the shells over it.
/** A short reason for a failed file operation. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EEXIST":
      return "a file is in the way";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EFBIG":
      return "file too large for this process's limits";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return err?.message ?? String(e);
  }
}

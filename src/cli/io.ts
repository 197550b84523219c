/** Where a command writes; the real process streams in the bin, strings in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

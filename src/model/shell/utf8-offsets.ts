// mvdan/sh is Go: its positions are byte offsets into the UTF-8 encoding of the script, while dflint counts
// UTF-16 code units, as LSP does.

/** A function from UTF-8 byte offsets in `text` to UTF-16 offsets (the identity for ASCII text). */
export function utf16Offsets(text: string): (byteOffset: number) => number {
  if (!/[^\x00-\x7f]/.test(text)) return (b) => Math.min(b, text.length);
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    // A lone surrogate becomes U+FFFD (3 bytes) on its way into Go, like any other BMP character above U+07FF.
    const bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : isPair ? 4 : 3;
    for (let k = 0; k < bytes; k++) map.push(i);
    if (isPair) i++;
  }
  map.push(text.length);
  return (b) => map[Math.min(Math.max(b, 0), map.length - 1)]!;
}

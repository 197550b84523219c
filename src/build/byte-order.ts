// Directory entries in the order Go's sort.Strings gives names: by their UTF-8 bytes. JavaScript's own
// comparison of UTF-16 units agrees with it except where a character above U+FFFF (a surrogate pair)
// meets one from U+E000 to U+FFFF; only names holding a surrogate are compared as bytes. (Comparing
// every pair as bytes made two buffers per comparison: a tenth of walking a large context.)

const SURROGATE = /[\uD800-\uDFFF]/;

/** Sorts `items` in place by the UTF-8 bytes of `key(item)`, and returns them. */
export function sortByBytes<T>(items: T[], key: (item: T) => string): T[] {
  if (!items.some((item) => SURROGATE.test(key(item)))) {
    return items.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  const keyed = items.map((item) => ({ item, bytes: Buffer.from(key(item)) }));
  keyed.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  keyed.forEach((k, i) => (items[i] = k.item));
  return items;
}

/**
 * A value computed on first use. The classifier builds each language's model, lexicon and framework
 * index only when the first passage in that language comes, so `gcmt classify` starts fast.
 */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/**
 * A pure function of a string, remembered: every tick asks the same few dates, zones and comment bodies
 * again, and each answer costs time-zone conversions or a Markdown parse. At `limit` entries the memory
 * starts over, so it stays bounded. Callers must not mutate what they get back.
 */
export function memoize<T>(compute: (key: string) => T, limit = 5_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    if (known.size >= limit) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

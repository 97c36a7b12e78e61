/**
 * A map from id to item, built once per list: pages look documents up in the whole library, and
 * building the map on every page render made a full build quadratic (11.5 s of map building at
 * 10,000 documents).
 */
const memo = new WeakMap<readonly { id: string }[], ReadonlyMap<string, unknown>>();

export function byId<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  let m = memo.get(list) as ReadonlyMap<string, T> | undefined;
  if (!m) memo.set(list, (m = new Map(list.map((x) => [x.id, x]))));
  return m;
}

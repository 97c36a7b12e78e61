import { describe, expect, it } from 'vitest';
import { byId } from '../../src/lib/by-id.ts';

describe('byId', () => {
  it('maps ids to items and builds the map once per list', () => {
    const list = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }];
    const m = byId(list);
    expect(m.get('b')).toBe(list[1]);
    expect(m.get('c')).toBeUndefined();
    expect(byId(list)).toBe(m);
    expect(byId([...list])).not.toBe(m);
  });
});

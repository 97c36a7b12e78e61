/**
 * What a JSON-lines row names but a content directory states: organization and topic ids made
 * from their names, and the 公文种类 read from the title.
 */
import { DOC_TYPES, type DocType, type Organization, type Topic } from '../../lib/model.ts';

/** Stable short ascii slug for a name: prefix + FNV-1a 32-bit in base 36. */
export function nameSlug(prefix: string, name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}-${h.toString(36).padStart(7, '0')}`;
}

/** 公文种类 from the title's ending (`…的通知` → 通知), ignoring a trailing （…） note. */
export function inferDocType(title: string): DocType | undefined {
  const t = title.trim().replace(/(?:[（(][^（）()]*[）)])+$/u, '');
  let best: DocType | undefined;
  for (const k of DOC_TYPES) if (t.endsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

export const UNKNOWN_ISSUER = '未注明发文机关';

/** Finds or adds (in `items`, by name) the entry for a name, with a new unique slug id. */
export function byName<T extends Organization | Topic>(items: Map<string, T>, prefix: string): (name: string) => T {
  const ids = new Set<string>();
  return (name) => {
    let item = items.get(name);
    if (!item) {
      const base = nameSlug(prefix, name);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      item = { id, name } as T;
      items.set(name, item);
    }
    return item;
  };
}

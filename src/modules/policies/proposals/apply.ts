/**
 * A proposal's setting path applied to a settings document, generically: "a.b.c" walks objects by
 * property and keyed lists by their item's key (or type); "list+" adds an item. The path must exist
 * in the settings schema (so a setting the product does not have yet is refused by name), and the
 * whole document is validated after (by the caller) so a value the schema refuses is refused too.
 * Pure, no I/O.
 */
import { PolicySettings } from '../../settings/settings.schema.ts';

type Json = Record<string, unknown>;
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  patternProperties?: Record<string, Schema>;
}

export class UnknownSetting extends Error {
  constructor(readonly setting: string) {
    super(`${setting} is not a setting eSafety Office has`);
  }
}

const itemKey = (item: unknown): string | undefined => {
  const record = item as Json;
  return typeof record?.key === 'string' ? record.key : typeof record?.type === 'string' ? record.type : undefined;
};

/** Whether the path names a setting of today's schema (keyed items must exist in the document). */
export function applySetting(document: unknown, setting: string, value: unknown): unknown {
  const next = structuredClone(document) as Json;
  const adding = setting.endsWith('+');
  const parts = (adding ? setting.slice(0, -1) : setting).split('.');
  if (parts.some((p) => !p)) throw new UnknownSetting(setting);
  let schema = PolicySettings as unknown as Schema;
  let holder: Json | unknown[] = next;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (Array.isArray(holder)) {
      const index = holder.findIndex((item) => itemKey(item) === part);
      if (index < 0 || !schema.items) throw new UnknownSetting(setting);
      schema = schema.items;
      if (last) {
        holder[index] = value;
        break;
      }
      holder = holder[index] as Json;
      continue;
    }
    const child = schema.properties?.[part] ?? Object.entries(schema.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern).test(part))?.[1];
    if (!child) throw new UnknownSetting(setting);
    schema = child;
    if (last) {
      if (adding) {
        if (!schema.items) throw new UnknownSetting(setting);
        const list = Array.isArray(holder[part]) ? (holder[part] as unknown[]) : [];
        const key = itemKey(value) ?? (typeof value === 'string' ? value : undefined);
        if (!list.some((item) => (itemKey(item) ?? item) === key)) list.push(value);
        holder[part] = list;
      } else holder[part] = value;
      break;
    }
    if (holder[part] === undefined) holder[part] = schema.type === 'array' ? [] : {};
    holder = holder[part] as Json;
  }
  return next;
}

/** The value a setting has in a document today (undefined when it has none). */
export function settingValue(document: unknown, setting: string): unknown {
  let here: unknown = document;
  for (const part of setting.replace(/\+$/, '').split('.')) {
    if (Array.isArray(here)) here = here.find((item) => itemKey(item) === part);
    else if (here && typeof here === 'object') here = (here as Json)[part];
    else return undefined;
  }
  return here;
}

/**
 * `record[key]` when `key` is the record's own property, else undefined. Ids come from user input,
 * and a plain lookup answers "constructor" or "toString" with Object.prototype's members.
 */
export function ownEntry<V>(record: Readonly<Partial<Record<string, V>>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** Names every object has through Object.prototype ("constructor", "__proto__"…): never an id. */
export function isReservedKey(key: string): boolean {
  return Object.hasOwn(Object.prototype, key)
}

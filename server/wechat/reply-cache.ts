// Bounded map with a time-to-live: per-message reply state and per-user held answers live here.

/** A Map whose entries expire `ttlMs` after they were set and which keeps at most `maxEntries`. */
export class ReplyCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAtMs: number }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; now: () => number },
  ) {}

  /** The live value for `key`, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.options.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value`, dropping expired entries and then the oldest ones beyond the bound. */
  set(key: string, value: V): void {
    const now = this.options.now();
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: now + this.options.ttlMs });
    // Insertion order is expiry order (one TTL for all), so expired entries sit at the front.
    for (const [oldKey, entry] of this.entries) {
      if (entry.expiresAtMs > now && this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldKey);
    }
  }

  /** Removes `key`; returns whether a live or expired entry was there. */
  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

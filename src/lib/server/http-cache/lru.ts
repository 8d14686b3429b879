/**
 * A least-recently-used map bounded by bytes, not by entries: each value is stored with its size,
 * and the least recently used values are dropped until the total fits. A value larger than the
 * whole bound is not stored at all. Sizes may grow after insertion (resize), e.g. when a compressed
 * variant is added to a cached response.
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes held now (the sum of the sizes given to set/resize). */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }

  /** The value, marked as the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** The value without marking it used. */
  peek(key: string): V | undefined {
    return this.map.get(key)?.value;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Store (or replace) a value of `bytes` bytes; returns false when it is larger than the bound. */
  set(key: string, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    this.evict();
    return true;
  }

  /** A stored value's new size; drops it when it no longer fits at all. */
  resize(key: string, bytes: number): void {
    const e = this.map.get(key);
    if (!e) return;
    if (bytes > this.maxBytes) {
      this.delete(key);
      return;
    }
    this.total += bytes - e.bytes;
    e.bytes = bytes;
    this.evict(key);
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.total -= e.bytes;
  }

  /** Oldest first, until the total fits; `keep` (the value just resized) goes last. */
  private evict(keep?: string): void {
    for (const [key, e] of this.map) {
      if (this.total <= this.maxBytes) return;
      if (key === keep) continue;
      this.map.delete(key);
      this.total -= e.bytes;
    }
    if (this.total > this.maxBytes && keep !== undefined) this.delete(keep);
  }
}

/**
 * Request coalescing: while a computation for a key is running, callers asking for the same key
 * wait for it instead of starting their own. Every caller learns whether it ran the computation
 * (`leader`) or shared another's result. Once it settles, the key is free again: this caches
 * nothing, it only merges requests that overlap in time.
 */
export class Coalescer<T> {
  private readonly running = new Map<string, Promise<T>>();

  /** How many keys are being computed now. */
  get inFlight(): number {
    return this.running.size;
  }

  async run(key: string, compute: () => Promise<T>): Promise<{ value: T; leader: boolean }> {
    const pending = this.running.get(key);
    if (pending) return { value: await pending, leader: false };
    const promise = (async () => compute())();
    this.running.set(key, promise);
    try {
      return { value: await promise, leader: true };
    } finally {
      this.running.delete(key);
    }
  }
}

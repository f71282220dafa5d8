/**
 * The key–value storage the store writes to. In the browser that is localStorage when the browser
 * lets us use it; otherwise (blocked cookies and storage, some private modes, a SecurityError on
 * access) an in-memory map, so features still work for the visit. Tests pass their own backends.
 */

/** The part of the Web Storage API the store uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export class MemoryStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  get length(): number {
    return this.map.size;
  }
}

export interface StorageBackend {
  storage: KeyValueStorage;
  /** False when localStorage could not be used and data lives only in memory for this visit. */
  persistent: boolean;
}

let cached: StorageBackend | undefined;

/**
 * localStorage if it can be read and written, else memory. Merely touching `window.localStorage`
 * throws a SecurityError when storage is blocked, so every step is guarded.
 */
export function browserBackend(): StorageBackend {
  if (cached) return cached;
  cached = detect();
  return cached;
}

function detect(): StorageBackend {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return { storage: new MemoryStorage(), persistent: false };
    const probe = 'st1398:probe';
    storage.setItem(probe, '1');
    // Some browsers let a page write but not read (or read back nothing): that is no storage at all.
    const readBack = storage.getItem(probe);
    storage.removeItem(probe);
    if (readBack !== '1') return { storage: new MemoryStorage(), persistent: false };
    return { storage, persistent: true };
  } catch {
    return { storage: new MemoryStorage(), persistent: false };
  }
}

/** For tests: forget the detected backend. */
export function resetBrowserBackend(): void {
  cached = undefined;
}

/** True for the errors browsers throw when storage is full. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const { name, code } = error as { name?: string; code?: number };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

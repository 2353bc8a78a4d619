// The outbox: every message typed and not yet acknowledged by the room, kept in storage (localStorage in
// the browser) so that it survives a reload and is shared by the person's tabs.

/** Why a message could not be sent and will not be retried on its own. */
export type SendFailure = "pair_ended" | "blocked" | "rejected";

/** A message of mine the room has not acknowledged yet: being sent, or failed and waiting for the person. */
export type OutboxItem = { clientId: string; body: string; createdAt: number; failed?: SendFailure };

/** The part of the Web Storage API the outbox uses; tests pass an in-memory one. */
export type OutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const outboxKey = (pairId: string, userId: string) => `outbox:${pairId}:${userId}`;

const FAILURES: readonly (SendFailure | undefined)[] = [undefined, "pair_ended", "blocked", "rejected"];

function isOutboxItem(value: unknown): value is OutboxItem {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.clientId === "string" &&
    typeof item.body === "string" &&
    Number.isInteger(item.createdAt) &&
    FAILURES.includes(item.failed as SendFailure | undefined)
  );
}

/** An in-memory storage: for tests, and for Node. */
export function memoryStorage(): OutboxStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
  };
}

/**
 * Every change re-reads storage first, so two tabs of the same person do not overwrite each other's
 * items. When storage is unavailable (private mode, quota), the outbox lives in memory for this page.
 */
export class Outbox {
  readonly key: string;
  private readonly storage: OutboxStorage | null;
  private memory: OutboxItem[] = [];
  private storageWorks: boolean;

  constructor(key: string, storage: OutboxStorage | null) {
    this.key = key;
    this.storage = storage;
    this.storageWorks = storage !== null;
  }

  read(): OutboxItem[] {
    if (!this.storageWorks || !this.storage) return [...this.memory];
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      this.storageWorks = false;
      return [...this.memory];
    }
    try {
      const parsed: unknown = raw === null ? [] : JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
    } catch {
      return []; // Not ours, or damaged: the next write replaces it.
    }
  }

  private write(items: OutboxItem[]) {
    this.memory = items;
    if (!this.storageWorks || !this.storage) return;
    try {
      if (items.length) this.storage.setItem(this.key, JSON.stringify(items));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage is full or disabled: from now on the outbox lives in memory, and is still sent from here.
      this.storageWorks = false;
    }
  }

  add(item: OutboxItem): OutboxItem[] {
    const items = this.read();
    if (!items.some((existing) => existing.clientId === item.clientId)) items.push(item);
    this.write(items);
    return items;
  }

  remove(clientIds: Iterable<string>): OutboxItem[] {
    const gone = new Set(clientIds);
    const items = this.read();
    const kept = items.filter((item) => !gone.has(item.clientId));
    if (kept.length !== items.length) this.write(kept);
    return kept;
  }

  update(clientId: string, failed: SendFailure | undefined): OutboxItem[] {
    const items = this.read().map((item) => {
      if (item.clientId !== clientId) return item;
      const { failed: _previous, ...rest } = item;
      return failed ? { ...rest, failed } : rest;
    });
    this.write(items);
    return items;
  }
}

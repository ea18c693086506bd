/**
 * Talks to the matcher worker. Each call bumps a request id; an answer for an older id is dropped,
 * so results never go stale while the person keeps typing.
 */
import type { GroupedOutcome } from '../lib/matcher/groups';

export interface MatchAnswer {
  outcome: GroupedOutcome;
  ms: number;
}

type Pending = { resolve: (a: MatchAnswer | null) => void; reject: (e: Error) => void };

export class MatchClient {
  #worker: Worker | undefined;
  #latest = 0;
  #pending = new Map<number, Pending>();
  #ready: Promise<void> | undefined;
  readonly #indexUrl: string;

  constructor(indexUrl: string) {
    this.#indexUrl = indexUrl;
  }

  /** Starts the worker and loads the index (idempotent). */
  warm(): Promise<void> {
    this.#ready ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('../lib/matcher/worker.ts', import.meta.url), { type: 'module' });
      this.#worker = worker;
      worker.onmessage = (event: MessageEvent) => {
        const msg = event.data as {
          type: string;
          id?: number;
          outcome?: GroupedOutcome;
          ms?: number;
          message?: string;
        };
        if (msg.type === 'ready') {
          resolve();
          return;
        }
        const pending = msg.id === undefined ? undefined : this.#pending.get(msg.id);
        if (msg.type === 'error') {
          const err = new Error(msg.message ?? '[error-matcher] worker failed');
          if (pending) pending.reject(err);
          else reject(err);
          return;
        }
        if (!pending || msg.id === undefined) return;
        this.#pending.delete(msg.id);
        pending.resolve(msg.id === this.#latest ? { outcome: msg.outcome!, ms: msg.ms ?? 0 } : null);
      };
      worker.onerror = () => reject(new Error('[error-matcher] worker could not start'));
      const indexUrl = new URL(this.#indexUrl, location.href);
      worker.postMessage({
        type: 'init',
        indexUrl: indexUrl.href,
        fuzzyIndexUrl: new URL('fuzzy-index.json', indexUrl).href,
      });
    });
    return this.#ready;
  }

  /** Resolves with the answer, or null when a newer request superseded this one. */
  async match(text: string): Promise<MatchAnswer | null> {
    const id = ++this.#latest;
    await this.warm();
    if (id !== this.#latest) return null;
    return new Promise((resolve, reject) => {
      // Older requests still in flight will never be shown.
      for (const [old, p] of this.#pending)
        if (old < id) {
          p.resolve(null);
          this.#pending.delete(old);
        }
      this.#pending.set(id, { resolve, reject });
      this.#worker!.postMessage({ type: 'match', id, text });
    });
  }
}

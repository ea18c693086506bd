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

  /**
   * Starts the worker and loads the index (idempotent). The index is fetched here, while the
   * worker starts, and handed over to it (transferred, not copied): the first result does not wait
   * for the worker to start before the download does.
   */
  warm(): Promise<void> {
    this.#ready ??= new Promise<void>((resolve, reject) => {
      const indexUrl = new URL(this.#indexUrl, location.href);
      // Asked of the server each time (an unchanged head costs a 304): a head cached from before a
      // deploy would name parts the new one no longer has (parts.ts).
      const index = fetch(indexUrl, { cache: 'no-cache' }).then((r) => {
        if (!r.ok) throw new Error(`[error-matcher] ${indexUrl.pathname} request failed: ${r.status}`);
        return r.arrayBuffer();
      });
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
      index.then(
        (body) => worker.postMessage({ type: 'init', index: body, indexUrl: indexUrl.href }, [body]),
        reject,
      );
    });
    return this.#ready;
  }

  /**
   * Loads the fuzzy stage ahead of a paste that is on its way (a screenshot being read), so its
   * first answer does not wait for Fuse.js and the fuzzy index. The same files a text paste loads.
   */
  warmFuzzy(): void {
    this.warm()
      .then(() => this.#worker?.postMessage({ type: 'fuzzy' }))
      .catch(() => undefined);
  }

  /** Resolves with the answer, or null when a newer request superseded this one. */
  async match(text: string): Promise<MatchAnswer | null> {
    const id = ++this.#latest;
    // The request goes to the worker at once: it answers once its index is in (a failed start
    // rejects this call too).
    const ready = this.warm();
    return new Promise((resolve, reject) => {
      ready.catch(reject);
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

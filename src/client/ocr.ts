/**
 * Reads the text of a screenshot in the browser (loaded with a dynamic import, only when an image
 * arrives). Two workers, both kept alive for the next image:
 * - ocr-prepare.ts decodes and scales the image (no main-thread work on pixels);
 * - tesseract.js's worker runs the LSTM engine (mode 1, default page segmentation) on the
 *   site's own copies of the worker, core and English data (src/lib/ocr/assets.ts): every path is
 *   set (src/lib/ocr/engine.ts), so nothing is fetched from a CDN, and the image never leaves the
 *   browser.
 * A step that goes quiet for too long (a CSP that blocks WebAssembly makes `createWorker` wait
 * forever) ends with a clear message instead of a hang: only a download gets minutes.
 */
import type { LoggerMessage, Worker as Engine } from 'tesseract.js';
import Tesseract from 'tesseract.js/dist/tesseract.esm.min.js';
import { relaxedSimd, simd } from 'wasm-feature-detect';
import { OCR_CORE_MB, OCR_DIR, OCR_DOWNLOAD_MB } from '../lib/ocr/assets';
import { cleanOcrText } from '../lib/ocr/clean';
import { coreBuild, engineSettings, startWaitMs, type OcrTimeouts } from '../lib/ocr/engine';
import { readingOrder, tsvLines } from '../lib/ocr/layout';
import type { PrepareReply } from './ocr-prepare';

/** Where a reading is: starting the engine (a download the first time), then reading the image. */
export interface OcrProgress {
  stage: 'start' | 'read';
  /** 0–1 within the stage. */
  share: number;
  /** The first download's size in MB, for the progress line. */
  mb: number;
}

export interface OcrResult {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** The scale the image was read at. */
  scale: number;
  /**
   * Milliseconds spent preparing the image, then waiting for the engine (started at the same time
   * as the preparing), and reading.
   */
  ms: { prepare: number; start: number; read: number };
}

/**
 * The waits come from the island (OCR_DOWNLOAD_TIMEOUT_MS and OCR_STEP_TIMEOUT_MS of
 * lib/matcher/limits.ts): importing them here would make this chunk depend on the island's shared
 * chunk.
 */
export type { OcrTimeouts };

/** Why a reading failed; screenshot-reader.ts words it (text-screenshot.ts). This module has no text of its own. */
export type OcrFailure = 'not-image' | 'unreadable' | 'too-large' | 'no-text' | 'stalled' | 'failed';

/** A reading that failed, with the image's size when it was too large. */
export class OcrError extends Error {
  override name = 'OcrError';
  constructor(
    readonly code: OcrFailure,
    readonly size?: { width: number; height: number },
    options?: ErrorOptions,
  ) {
    super(`[ocr] ${code}`, options);
  }
}

/** Share of the first download done when the engine (worker script and core) is in. */
const CORE_SHARE = OCR_CORE_MB / OCR_DOWNLOAD_MB;
/** Fewer letters and digits than this, or a confidence under MIN_CONFIDENCE: no text found. */
const MIN_CHARS = 4;
const MIN_CONFIDENCE = 20;

/**
 * Rejects when `arm` has not been called again within the time it last gave: a watchdog over a
 * task that reports progress.
 */
class Watchdog {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #reject: ((err: Error) => void) | undefined;
  readonly fired: Promise<never>;

  constructor() {
    this.fired = new Promise<never>((_, reject) => (this.#reject = reject));
    this.fired.catch(() => undefined);
  }

  arm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#reject?.(new OcrError('stalled')), ms);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}

let engine: Promise<Engine> | undefined;
/** Who hears tesseract.js's progress: the start's watchdog, and each reading under way. */
const listeners = new Set<(m: LoggerMessage) => void>();
/** The progress callback of the latest reading (a second image may arrive while the engine starts). */
let report: (p: OcrProgress) => void = () => undefined;
/** Set by warmUp and readScreenshot, the only ways in, before anything waits. */
let timeouts: OcrTimeouts = { downloadMs: 0, stepMs: 0 };
let prepareWorker: Worker | undefined;
let prepareId = 0;
const preparing = new Map<number, (reply: PrepareReply) => void>();

/** tesseract.js's log lines while it starts, as a share of the first download. */
function startShare({ status, progress }: LoggerMessage): number | undefined {
  if (status === 'loading tesseract core') return 0;
  // The core's WebAssembly downloads and compiles in this step, which reports only its end.
  if (status === 'initializing tesseract') return CORE_SHARE * progress;
  if (status === 'loading language traineddata')
    return CORE_SHARE + (1 - CORE_SHARE) * Math.min(1, progress * 2);
  if (status === 'initializing api') return 1;
  return undefined;
}

function startEngine(base: string): Promise<Engine> {
  if (engine) return engine;
  const dir = new URL(`${base}${OCR_DIR}`, location.href).href;
  const dog = new Watchdog();
  // The worker's first news comes within the step time, or it is not starting (lib/ocr/engine.ts).
  dog.arm(startWaitMs(undefined, timeouts));
  const onStart = (m: LoggerMessage) => {
    dog.arm(startWaitMs(m, timeouts));
    const share = startShare(m);
    if (share !== undefined) report({ stage: 'start', share, mb: OCR_DOWNLOAD_MB });
  };
  listeners.add(onStart);
  const created = Promise.all([relaxedSimd(), simd()]).then(([relaxed, plain]) => {
    const { langs, oem, options } = engineSettings(dir, coreBuild({ relaxedSimd: relaxed, simd: plain }));
    return Tesseract.createWorker(langs, oem, {
      ...options,
      logger: (m) => {
        for (const hear of listeners) hear(m);
      },
      // Without a handler, tesseract.js rethrows a failed job in its message handler (an uncaught
      // error); the job's own promise still rejects and is handled below.
      errorHandler: () => undefined,
    });
  });
  engine = Promise.race([created, dog.fired]).then(
    (worker) => {
      dog.stop();
      listeners.delete(onStart);
      return worker;
    },
    (err: unknown) => {
      dog.stop();
      listeners.delete(onStart);
      engine = undefined;
      // A worker that starts after the wait ended is not used.
      void created.then((w) => w.terminate()).catch(() => undefined);
      throw err instanceof OcrError ? err : new OcrError('failed', undefined, { cause: err });
    },
  );
  return engine;
}

function prepare(image: Blob): Promise<PrepareReply> {
  if (!prepareWorker) {
    prepareWorker = new Worker(new URL('./ocr-prepare.ts', import.meta.url), { type: 'module' });
    prepareWorker.onmessage = (event: MessageEvent<PrepareReply>) => {
      preparing.get(event.data.id)?.(event.data);
      preparing.delete(event.data.id);
    };
  }
  const worker = prepareWorker;
  const id = ++prepareId;
  const dog = new Watchdog();
  dog.arm(timeouts.stepMs);
  const reply = new Promise<PrepareReply>((resolve) => {
    preparing.set(id, resolve);
    worker.postMessage({ id, image });
  });
  return Promise.race([reply, dog.fired]).finally(() => {
    dog.stop();
    preparing.delete(id);
  });
}

/**
 * Starts the engine ahead of an image the person is about to give (the file dialog is open, a file
 * is dragged over the box), so the download overlaps their choosing. Failures surface on reading.
 */
export function warmUp(base: string, limits: OcrTimeouts): void {
  timeouts = limits;
  startEngine(base).catch(() => undefined);
}

/**
 * Reads the text in `image` (a pasted, dropped or picked file). Resolves with the cleaned text;
 * rejects with an OcrError whose code says what went wrong.
 */
export async function readScreenshot(
  image: Blob,
  base: string,
  progress: (p: OcrProgress) => void,
  limits: OcrTimeouts,
): Promise<OcrResult> {
  timeouts = limits;
  if (!image.type.startsWith('image/')) throw new OcrError('not-image');
  report = progress;
  // The engine starts while the image is prepared: a cold start is mostly the engine's. An image
  // that turns out unreadable still leaves the engine ready for the next one.
  const started = startEngine(base);
  started.catch(() => undefined);
  const t0 = performance.now();
  const prepared = await prepare(image);
  const t1 = performance.now();
  if (!prepared.ok)
    throw prepared.reason === 'too-large'
      ? new OcrError('too-large', { width: prepared.width ?? 0, height: prepared.height ?? 0 })
      : new OcrError('unreadable');
  const worker = await started;
  const t2 = performance.now();
  progress({ stage: 'read', share: 0, mb: OCR_DOWNLOAD_MB });
  const dog = new Watchdog();
  dog.arm(timeouts.stepMs);
  const onRead = (m: LoggerMessage) => {
    dog.arm(timeouts.stepMs);
    if (m.status === 'recognizing text') progress({ stage: 'read', share: m.progress, mb: OCR_DOWNLOAD_MB });
  };
  listeners.add(onRead);
  try {
    const { data } = await Promise.race([
      worker.recognize(new Blob([prepared.pgm]), {}, { text: true, tsv: true }),
      dog.fired,
    ]);
    // A table is read cell by cell (lib/ocr/layout.ts); Tesseract's own text reads straight across.
    const text = cleanOcrText((data.tsv && readingOrder(tsvLines(data.tsv))) || data.text);
    if ((text.match(/[A-Za-z0-9]/g) ?? []).length < MIN_CHARS || data.confidence < MIN_CONFIDENCE)
      throw new OcrError('no-text');
    const ms = { prepare: t1 - t0, start: t2 - t1, read: performance.now() - t2 };
    return { text, confidence: data.confidence, scale: prepared.scale, ms };
  } catch (err) {
    if (err instanceof OcrError && err.code === 'stalled') {
      // A reader that stopped answering is replaced for the next image.
      engine = undefined;
      void worker.terminate();
    }
    throw err instanceof OcrError ? err : new OcrError('failed', undefined, { cause: err });
  } finally {
    dog.stop();
    listeners.delete(onRead);
  }
}

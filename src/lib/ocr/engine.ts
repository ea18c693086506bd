/**
 * How the OCR engine is started (src/client/ocr.ts runs it): its settings, and how long its start
 * may go without news. Pure, so the unit tests pin both (tests/unit/ocr-engine.test.ts).
 */
import { coreLoader, OCR_CACHE_PATH, OCR_CORE_MB, OCR_DOWNLOAD_MB, type OcrCoreBuild } from './assets';

/** Tesseract's engine mode 1: the LSTM engine only (the core builds copied are LSTM-only). */
export const OEM_LSTM_ONLY = 1;

/** The best core build the browser runs, from what it supports (wasm-feature-detect tells). */
export function coreBuild(supports: { relaxedSimd: boolean; simd: boolean }): OcrCoreBuild {
  if (supports.relaxedSimd) return 'relaxedsimd-lstm';
  return supports.simd ? 'simd-lstm' : 'lstm';
}

/**
 * The arguments of tesseract.js's `createWorker(langs, oem, options)` for the engine's files under
 * `dir` (an absolute URL ending in `/`), with the core `build`. Every path is set: one left unset is
 * fetched from a CDN. `corePath` names the loader itself, so tesseract.js does not pick a
 * `.wasm.js` build of its own. `workerBlobURL: false` loads the worker from its own URL, so its
 * response's CSP governs it. No `config` (and no `tessedit_pageseg_mode`) is passed: Tesseract's
 * default page segmentation.
 */
export function engineSettings(dir: string, build: OcrCoreBuild) {
  return {
    langs: 'eng',
    oem: OEM_LSTM_ONLY,
    options: {
      workerPath: `${dir}worker.min.js`,
      corePath: `${dir}${coreLoader(build)}`,
      langPath: `${dir}lang`,
      workerBlobURL: false,
      cachePath: OCR_CACHE_PATH,
    },
  } as const;
}

/**
 * How long a download, and any other step, may go without news (OCR_DOWNLOAD_TIMEOUT_MS and
 * OCR_STEP_TIMEOUT_MS of lib/matcher/limits.ts).
 */
export interface OcrTimeouts {
  downloadMs: number;
  stepMs: number;
}

/** tesseract.js's progress messages, as far as the wait reads them. */
export interface StartNews {
  status: string;
  progress: number;
}

/**
 * How long the engine's start may now go without news. Before any (`undefined`): the step time,
 * as the worker script is small and its first message comes as soon as it runs, so a worker that
 * never starts (blocked, or never served) fails fast. While tesseract.js says a file is on its way
 * (the core's loader before it reports 1; the language data before 0.5, as it reports 0.5 once
 * fetched): the download time, for a slow line. While the core starts, its WebAssembly downloads
 * and compiles with no news: the step time plus the download time's share for those bytes (a core
 * that a CSP blocks from compiling never reports again, and is stopped then). Any other step: the
 * step time.
 */
export function startWaitMs(news: StartNews | undefined, t: OcrTimeouts): number {
  if (!news) return t.stepMs;
  const { status, progress } = news;
  const downloading =
    (status === 'loading tesseract core' && progress < 1) ||
    (status === 'loading language traineddata' && progress < 0.5);
  if (downloading) return t.downloadMs;
  if (status === 'initializing tesseract' && progress < 1)
    return t.stepMs + Math.round((t.downloadMs * OCR_CORE_MB) / OCR_DOWNLOAD_MB);
  return t.stepMs;
}

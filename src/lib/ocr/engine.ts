/**
 * How the OCR engine is started (src/client/ocr.ts runs it): its settings. Pure, so the unit tests
 * pin them (tests/unit/ocr-engine.test.ts).
 */
import { OCR_CACHE_PATH } from './assets';

/** Tesseract's engine mode 1: the LSTM engine only (the core builds copied are LSTM-only). */
export const OEM_LSTM_ONLY = 1;

/**
 * The arguments of tesseract.js's `createWorker(langs, oem, options)` for the engine's files under
 * `dir` (an absolute URL ending in `/`). Every path is set: one left unset is fetched from a CDN.
 * `workerBlobURL: false` loads the worker from its own URL, so its response's CSP governs it. No
 * `config` (and no `tessedit_pageseg_mode`) is passed: Tesseract's default page segmentation.
 */
export function engineSettings(dir: string) {
  return {
    langs: 'eng',
    oem: OEM_LSTM_ONLY,
    options: {
      workerPath: `${dir}worker.min.js`,
      corePath: `${dir}core/`,
      langPath: `${dir}lang`,
      workerBlobURL: false,
      cachePath: OCR_CACHE_PATH,
    },
  } as const;
}

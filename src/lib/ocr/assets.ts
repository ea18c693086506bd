/**
 * The OCR engine's files: tesseract.js's worker script, the tesseract.js-core builds (LSTM only:
 * relaxed SIMD, then SIMD, then plain WebAssembly; the worker picks the first the browser runs) and
 * the English LSTM data. The build copies them from node_modules into `dist/ocr/`
 * (src/integrations/ocr-assets.ts); the browser fetches them only when an image arrives
 * (src/client/ocr.ts). Nothing comes from a CDN: all three paths are set.
 */

/** Where the files live under the site's base path. */
export const OCR_DIR = 'ocr/';

/** Package file (resolved from node_modules) → path under `dist/ocr/`. */
export const OCR_FILES = [
  { from: 'tesseract.js/dist/worker.min.js', to: 'worker.min.js' },
  {
    from: 'tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm.js',
    to: 'core/tesseract-core-relaxedsimd-lstm.wasm.js',
  },
  { from: 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js', to: 'core/tesseract-core-simd-lstm.wasm.js' },
  { from: 'tesseract.js-core/tesseract-core-lstm.wasm.js', to: 'core/tesseract-core-lstm.wasm.js' },
  { from: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', to: 'lang/eng.traineddata.gz' },
] as const;

/** The files a browser with relaxed SIMD (current Chromium) downloads on first use. */
export const OCR_FIRST_USE = [
  'worker.min.js',
  'core/tesseract-core-relaxedsimd-lstm.wasm.js',
  'lang/eng.traineddata.gz',
] as const;

/**
 * What the first use downloads, gzip (the core compresses on the wire; the data is gzip already),
 * in MB, as the progress line names it. tests/unit/ocr.test.ts checks it against the files.
 */
export const OCR_DOWNLOAD_MB = 4.4;

/**
 * The IndexedDB key prefix of the unpacked language data; it names the data's version, so a new
 * version is fetched instead of read from an old cache.
 */
export const OCR_CACHE_PATH = 'qbo-ocr-eng-4.0.0_best_int';

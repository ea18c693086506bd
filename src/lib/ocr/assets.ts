/**
 * The OCR engine's files: tesseract.js's worker script, the tesseract.js-core builds (LSTM only:
 * relaxed SIMD, then SIMD, then plain WebAssembly; src/client/ocr.ts picks the first the browser
 * runs) and the English LSTM data. The build copies them from node_modules into `dist/ocr/`
 * (src/integrations/ocr-assets.ts); the browser fetches them only when an image arrives. Nothing
 * comes from a CDN: all three paths are set.
 *
 * Each core is a small loader (`.js`) and its WebAssembly (`.wasm`), not the build that carries the
 * WebAssembly inside its JavaScript as base64 (`.wasm.js`): the browser compiles a `.wasm` while it
 * downloads, and it is 0.4 MB smaller gzip. The loader fetches its `.wasm` from the worker script's
 * directory, so both sit next to `worker.min.js`.
 */

/** Where the files live under the site's base path. */
export const OCR_DIR = 'ocr/';

/** The core builds, best first (each LSTM only). */
export const OCR_CORE_BUILDS = ['relaxedsimd-lstm', 'simd-lstm', 'lstm'] as const;
export type OcrCoreBuild = (typeof OCR_CORE_BUILDS)[number];

/** A core build's loader, under `dist/ocr/`. */
export const coreLoader = (build: OcrCoreBuild) => `tesseract-core-${build}.js`;

/** Package file (resolved from node_modules) → path under `dist/ocr/`. */
export const OCR_FILES = [
  { from: 'tesseract.js/dist/worker.min.js', to: 'worker.min.js' },
  ...OCR_CORE_BUILDS.flatMap((build) =>
    ['js', 'wasm'].map((ext) => ({
      from: `tesseract.js-core/tesseract-core-${build}.${ext}`,
      to: `tesseract-core-${build}.${ext}`,
    })),
  ),
  { from: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', to: 'lang/eng.traineddata.gz' },
];

/** The files a browser with relaxed SIMD (current Chromium) downloads on first use. */
export const OCR_FIRST_USE = [
  'worker.min.js',
  'tesseract-core-relaxedsimd-lstm.js',
  'tesseract-core-relaxedsimd-lstm.wasm',
  'lang/eng.traineddata.gz',
] as const;

/**
 * What the first use downloads, gzip (the code compresses on the wire; the data is gzip already),
 * in MB, as the progress line names it. tests/unit/ocr.test.ts checks it against the files.
 */
export const OCR_DOWNLOAD_MB = 4.1;

/** The part of it that is the engine (worker script and core), before the language data. */
export const OCR_CORE_MB = 1.1;

/**
 * The IndexedDB key prefix of the unpacked language data; it names the data's version, so a new
 * version is fetched instead of read from an old cache.
 */
export const OCR_CACHE_PATH = 'qbo-ocr-eng-4.0.0_best_int';

import { describe, expect, it } from 'vitest';
import { OCR_DOWNLOAD_TIMEOUT_MS, OCR_STEP_TIMEOUT_MS } from '../../src/lib/matcher/limits';
import { OCR_CACHE_PATH, OCR_CORE_MB, OCR_DOWNLOAD_MB } from '../../src/lib/ocr/assets';
import { coreBuild, engineSettings, startWaitMs, type StartNews } from '../../src/lib/ocr/engine';

describe('engineSettings: the engine runs as issue 13 says, on the site’s own files', () => {
  const dir = 'https://help.example.com/qbo/ocr/';
  const settings = engineSettings(dir, 'relaxedsimd-lstm');

  it('LSTM only (engine mode 1), English', () => {
    expect(settings.oem).toBe(1);
    expect(settings.langs).toBe('eng');
  });

  it('every path is set, under the site’s own directory (one left unset is fetched from a CDN)', () => {
    const { workerPath, corePath, langPath } = settings.options;
    for (const path of [workerPath, corePath, langPath]) expect(path.startsWith(dir)).toBe(true);
  });

  it('exactly these options: no blob worker, no config (so the default page segmentation)', () => {
    // A new key (a `config`, a `tessedit_pageseg_mode`, a CDN path) or a changed value fails here.
    expect(settings).toStrictEqual({
      langs: 'eng',
      oem: 1,
      options: {
        workerPath: `${dir}worker.min.js`,
        corePath: `${dir}tesseract-core-relaxedsimd-lstm.js`,
        langPath: `${dir}lang`,
        workerBlobURL: false,
        cachePath: OCR_CACHE_PATH,
      },
    });
  });
});

describe('coreBuild: the best core the browser runs', () => {
  it.each([
    [{ relaxedSimd: true, simd: true }, 'relaxedsimd-lstm'],
    [{ relaxedSimd: false, simd: true }, 'simd-lstm'],
    [{ relaxedSimd: false, simd: false }, 'lstm'],
  ] as const)('%o → %s', (supports, build) => {
    expect(coreBuild(supports)).toBe(build);
    expect(engineSettings('https://x.test/ocr/', build).options.corePath).toBe(
      `https://x.test/ocr/tesseract-core-${build}.js`,
    );
  });
});

describe('startWaitMs: a blocked worker fails fast, a slow download does not', () => {
  const t = { downloadMs: OCR_DOWNLOAD_TIMEOUT_MS, stepMs: OCR_STEP_TIMEOUT_MS };
  it.each<[what: string, news: StartNews | undefined, wait: number]>([
    ['before the worker says anything', undefined, OCR_STEP_TIMEOUT_MS],
    ['the core is downloading', { status: 'loading tesseract core', progress: 0 }, OCR_DOWNLOAD_TIMEOUT_MS],
    ['the core’s loader is in', { status: 'loading tesseract core', progress: 1 }, OCR_STEP_TIMEOUT_MS],
    [
      'the core’s WebAssembly downloads and compiles (no news until it is done)',
      { status: 'initializing tesseract', progress: 0 },
      OCR_STEP_TIMEOUT_MS + Math.round((OCR_DOWNLOAD_TIMEOUT_MS * OCR_CORE_MB) / OCR_DOWNLOAD_MB),
    ],
    ['the core is running', { status: 'initializing tesseract', progress: 1 }, OCR_STEP_TIMEOUT_MS],
    [
      'the language data is downloading',
      { status: 'loading language traineddata', progress: 0 },
      OCR_DOWNLOAD_TIMEOUT_MS,
    ],
    [
      'the language data is in',
      { status: 'loading language traineddata', progress: 0.5 },
      OCR_STEP_TIMEOUT_MS,
    ],
    ['the engine starts', { status: 'initializing api', progress: 0 }, OCR_STEP_TIMEOUT_MS],
  ])('%s', (_what, news, wait) => {
    expect(startWaitMs(news, t)).toBe(wait);
  });

  it('the first wait is seconds, not the download allowance', () => {
    expect(OCR_STEP_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
    expect(startWaitMs(undefined, t)).toBeLessThan(t.downloadMs);
  });
});

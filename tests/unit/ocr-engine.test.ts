import { describe, expect, it } from 'vitest';
import { OCR_CACHE_PATH } from '../../src/lib/ocr/assets';
import { engineSettings } from '../../src/lib/ocr/engine';

describe('engineSettings: the engine runs as issue 13 says, on the site’s own files', () => {
  const dir = 'https://help.example.com/qbo/ocr/';
  const settings = engineSettings(dir);

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
        corePath: `${dir}core/`,
        langPath: `${dir}lang`,
        workerBlobURL: false,
        cachePath: OCR_CACHE_PATH,
      },
    });
  });
});

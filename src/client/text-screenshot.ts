/**
 * The sentences of the screenshot reader (src/client/screenshot-reader.ts), apart from text.ts so
 * that they load with the reader, at the first image, and never for a text paste. Imported as
 * `* as TEXT`, like text.ts.
 */
import { MAX_IMAGE_PIXELS } from '../lib/matcher/limits';
import { groupDigits } from '../lib/digits';

/** Reading a screenshot. */
export const screenshot = {
  starting: (mb: number) =>
    `Starting the screenshot reader (a ${mb} MB download the first time only). The image stays in your browser.`,
  progressLabel: 'Screenshot reader progress',
  reading: 'Reading the text in your screenshot…',
  read: 'Read from your screenshot: check the values against the image, then correct the box if needed.',
  notImage: 'That file is not an image. Choose a screenshot (PNG, JPEG, GIF or WebP), or paste the text.',
  unreadable: 'That image could not be opened: the file may be damaged. Take the screenshot again.',
  tooLarge: (width: number, height: number) =>
    `That image is too large to read (${groupDigits(width)} × ${groupDigits(height)} pixels; the most is ${groupDigits(MAX_IMAGE_PIXELS / 1e6)} megapixels). Crop it to the error message and try again.`,
  noText: 'No text was found in that image. Crop the screenshot to the error message, or paste the text.',
  stalled:
    'The screenshot reader did not answer, so it was stopped. This browser or the site’s security settings may block it: paste the text of the error instead.',
  failed: 'The screenshot could not be read here. Paste the text of the error instead.',
} as const;

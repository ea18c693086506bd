/**
 * How the troubleshooter's findings are written for a person, the same wherever they are written
 * (the result cards and the not-found box in text.ts, the request for support).
 */

/** A QuickBooks fault as the person pasted it: its code and its title in quotes, as far as the paste gives them. */
export const faultName = (code: string, title: string): string =>
  [code, title && `“${title}”`].filter(Boolean).join(' ');

/**
 * A result's confidence (0 to 1) as a percentage: "42% confidence"; "under 1% confidence" for a
 * guess that rounds to none (a runner-up beside a sure first result), not "0%".
 */
export const confidence = (c: number): string =>
  Math.round(c * 100) < 1 ? 'under 1% confidence' : `${Math.round(c * 100)}% confidence`;

/**
 * Digits in groups of three: "1234567" → "1,234,567". Not `toLocaleString`: its first call loads
 * locale data (about 20 ms in Chromium, a long task on a slow machine, right when a paste arrives).
 * A module of its own, so the island's sentences (client/text.ts) need nothing else from lib/values.
 */
export const groupDigits = (digits: string | number) => String(digits).replace(/\B(?=(\d{3})+$)/g, ',');

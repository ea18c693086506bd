import { labelAcronyms } from './wording';

/** Human labels for placeholder names: "txnDate" → "Txn date", "qboClass" → "QBO class", "invoiceId" → "Invoice ID". */
export function labelFor(name: string): string {
  const words = Object.entries(labelAcronyms).reduce(
    (s, [word, caps]) => s.replace(new RegExp(`\\b${word}\\b`, 'g'), caps),
    name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(),
  );
  return words.charAt(0).toUpperCase() + words.slice(1);
}

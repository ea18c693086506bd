/** Human labels for placeholder names: "txnDate" → "Txn date", "qboClass" → "QBO class", "invoiceId" → "Invoice ID". */
export function labelFor(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bqbo\b/g, 'QBO')
    .replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

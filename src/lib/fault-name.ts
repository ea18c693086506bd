/** A QuickBooks fault as the person pasted it: its code and its title in quotes, as far as the paste gives them. */
export const faultName = (code: string, title: string): string =>
  [code, title && `“${title}”`].filter(Boolean).join(' ');

/**
 * Realistic variants of a message, as people paste them. The build-time guard checks that each
 * variant still finds its page; the unit tests use them too.
 */

export interface Variant {
  kind:
    'upper' | 'lower' | 'spacing' | 'smart-quotes' | 'log-prefix' | 'json-fault' | 'xml-fault' | 'cut-off';
  text: string;
  /** True: must still be a `match` for the page. False: the page must come first. */
  exact: boolean;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function messageVariants(message: string): Variant[] {
  const smart = message.replace(/"([^"]*)"/g, '\u201C$1\u201D').replace(/'/g, '\u2019');
  const words = message.split(' ');
  const cut = Math.max(1, Math.ceil(words.length * 0.7));
  return [
    { kind: 'upper', text: message.toUpperCase(), exact: true },
    { kind: 'lower', text: message.toLowerCase(), exact: true },
    {
      kind: 'spacing',
      text: `  ${message.replace(/ /g, (_s, i: number) => (i % 2 ? '\u00A0' : '  '))} \r\n`,
      exact: true,
    },
    { kind: 'smart-quotes', text: smart, exact: true },
    { kind: 'log-prefix', text: `2026-03-14T10:22:01.512Z ERROR [QboExportJob] ${message}`, exact: true },
    {
      kind: 'json-fault',
      text: JSON.stringify({
        Fault: {
          Error: [
            {
              Message: 'A business validation error has occurred while processing your request',
              Detail: message,
              code: '6000',
              element: '',
            },
          ],
          type: 'ValidationFault',
        },
        time: '2026-03-14T10:22:01.512-07:00',
      }),
      exact: true,
    },
    {
      kind: 'xml-fault',
      text: `<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2026-03-14T10:22:01.512-07:00"><Fault type="ValidationFault"><Error code="6000"><Message>A business validation error has occurred</Message><Detail>${escapeXml(message)}</Detail></Error></Fault></IntuitResponse>`,
      exact: true,
    },
    ...(words.length >= 6
      ? [{ kind: 'cut-off' as const, text: `${words.slice(0, cut).join(' ')}…`, exact: false }]
      : []),
  ];
}

/**
 * Parts of a message of eight words or more, as people paste them: its first half cut with "…", its
 * second half (from 40% of its words), and the whole with one typing slip (two letters of its
 * longest word swapped). calibrate fits on them as the page's, quoted; the content check does not
 * require them.
 */
export function messageParts(message: string): string[] {
  const words = message.split(/\s+/);
  if (words.filter((w) => /\p{L}{2,}/u.test(w)).length < 8) return [];
  const longest = words.reduce((a, w, i) => (w.length > words[a]!.length ? i : a), 0);
  const w = words[longest]!;
  return [
    `${words.slice(0, Math.ceil(words.length / 2)).join(' ')}…`,
    words.slice(Math.floor(words.length * 0.4)).join(' '),
    ...(w.length > 3 ? [words.with(longest, w[0]! + w[2]! + w[1]! + w.slice(3)).join(' ')] : []),
  ];
}

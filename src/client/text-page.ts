/**
 * The sentences of an error page's own script (and of copying, which the troubleshooter shares),
 * apart from src/client/text.ts so that an error page bundles only these: its script must stay
 * within 4 KB. Imported as `* as TEXT`, like text.ts, which re-exports them.
 */

export const copied = 'Copied.';

export const copyFailed = 'Copy did not work here: select the text and copy it by hand.';

export const yourMessage = {
  heading: 'Your message',
  offPattern:
    'This message does not follow this page’s usual wording exactly. Check that it is the same error.',
  accountsCaption: 'Accounts to create or rename in QuickBooks Online',
  possible:
    'The troubleshooter did not confirm that this page is your error: check your message against the one above before following the steps.',
  accountsColumns: ['Done', 'Account', 'Type'],
  accountDone: (name: string) => `Done: ${name}`,
} as const;

export const copyForTicket = 'Copy for ticket';

/**
 * Renders matcher results into the results container. Everything pasted is inserted as text
 * (textContent), never as HTML. Keeps the test contract: [data-testid="match-result"] with
 * data-slug, data-verdict and data-confidence, holding the link to the page. Buttons carry
 * data-action; the owner element handles their clicks. A near-duplicate group
 * ([data-testid="match-group"] with data-group) is one card that asks its question: its answer
 * buttons (data-answer, the page's slug) and "Change answer" are handled by the card itself, so
 * the troubleshooter and the search page behave alike.
 */
import { shownItems, type Group, type GroupedOutcome } from '../lib/matcher/groups';
import type { MatchResult, OutcomeFault } from '../lib/matcher/types';
import { encodeText } from '../lib/cut';
import { SEARCH_LINK_CHARS } from '../lib/matcher/limits';
import { errorHref, shortenForLink, troubleshooterHref } from '../lib/links';
import { oneLine } from '../lib/tailor';
import { EMPTY_CELL, rowNote, triageRows, valuesSummary } from '../lib/triage';
import { valuesSeen } from '../lib/values';
import { el, valueList } from './dom';
import * as TEXT from './text';

export interface RenderOptions {
  base: string;
  /** The paste, carried to the error page in the link fragment. */
  message: string;
  /** Show the "nothing found" help (the troubleshooter does; the search page lets Pagefind speak). */
  showEmpty?: boolean;
  /** Show ticket and triage tools (the troubleshooter does). */
  tools?: boolean;
  /** Where a request for support goes (SUPPORT_EMAIL or SUPPORT_URL at build); neither: say whom. */
  support?: { email?: string | undefined; url?: string | undefined };
}

function button(label: string, action: string, data: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', className: 'secondary', textContent: label });
  b.dataset['action'] = action;
  Object.assign(b.dataset, data);
  return b;
}

/** The values of every occurrence of a result (the first alone when it has none listed). */
export const occurrenceValues = (r: MatchResult): Record<string, string>[] =>
  r.occurrences.length ? r.occurrences.map((o) => o.values) : [r.values];

/** What a result's link carries: every occurrence's text (so the page weighs them all), shortened. */
export const resultMessage = (r: MatchResult, fallback: string): string =>
  r.occurrences.length ? shortenForLink([...new Set(r.occurrences.map((o) => o.text))].join('\n')) : fallback;

function card(r: MatchResult, opts: RenderOptions, linkMessage: string, best: boolean): HTMLElement {
  const href = errorHref(opts.base, r.slug, resultMessage(r, linkMessage), r.verdict);
  const badge = el('span', {
    className: `verdict verdict-${r.verdict}`,
    textContent: TEXT.verdict[r.verdict],
  });
  const link = el('a', { href, textContent: r.title, className: 'result-link' });
  const li = el(
    'li',
    { className: `match-result${best ? ' best' : ''}` },
    el('p', { className: 'result-head' }, badge, ' ', link),
  );
  li.dataset['testid'] = 'match-result';
  li.dataset['slug'] = r.slug;
  li.dataset['verdict'] = r.verdict;
  li.dataset['confidence'] = String(r.confidence);
  const meta: string[] = [TEXT.confidence(r.confidence)];
  if (r.count > 1) meta.push(TEXT.seenTimes(r.count));
  const via = r.via === 'code' && r.verdict === 'possible' ? TEXT.viaCodeGuess : TEXT.via[r.via];
  if (via) meta.push(via);
  li.append(el('p', { className: 'result-meta', textContent: meta.join(' · ') }));
  const values = valueList(valuesSeen(occurrenceValues(r)));
  if (values) li.append(values);
  const tip = oneLine(r.values, occurrenceValues(r));
  if (tip) {
    const p = el('p', { className: 'tailored-line', textContent: tip });
    p.dataset['testid'] = 'tailored-line';
    li.append(p);
  }
  // A `possible` card previews the page's message (from the match index), so the person can compare;
  // a code's general page has no one message to compare with (its message is one rule of many).
  if (r.general) li.append(el('p', { className: 'preview' }, TEXT.generalPage(r.via === 'general')));
  else if (r.verdict === 'possible' && r.message)
    li.append(el('p', { className: 'preview' }, TEXT.pageMessage, el('code', { textContent: r.message })));
  if (opts.tools)
    li.append(el('p', { className: 'card-tools' }, button(TEXT.copyForTicket, 'ticket', { slug: r.slug })));
  return li;
}

/**
 * A near-duplicate group: "One of these two", the question, a button per answer. An answer shows
 * that page's card (as a possible match) and says which answer was chosen, with "Change answer".
 */
function groupCard(
  group: Group,
  results: MatchResult[],
  opts: RenderOptions,
  linkMessage: string,
  best: boolean,
): HTMLElement {
  const questionId = `group-question-${group.id}`;
  const li = el(
    'li',
    { className: `match-group${best ? ' best' : ''}` },
    el(
      'p',
      { className: 'result-head' },
      el('span', { className: 'verdict verdict-possible', textContent: TEXT.verdict.possible }),
      ' ',
      el('strong', { textContent: TEXT.group.heading(results.length) }),
    ),
    el('p', { className: 'group-question', id: questionId, textContent: group.question }),
  );
  li.dataset['testid'] = 'match-group';
  li.dataset['group'] = group.id;
  const answers = el('p', { className: 'group-answers' });
  answers.setAttribute('role', 'group');
  answers.setAttribute('aria-labelledby', questionId);
  group.members.forEach((m, i) => {
    if (i) answers.append(' ');
    const b = el('button', { type: 'button', textContent: m.answer });
    b.dataset['answer'] = m.slug;
    answers.append(b);
  });
  const body = el('div', { className: 'group-body' }, answers);
  li.append(body);

  // The answer told the members apart: the page it leads to is as likely as the group, at least
  // its surest member (a member after the first is shown as a runner-up to it, `after`).
  const groupConfidence = Math.max(...results.map((r) => r.confidence));
  const choose = (slug: string) => {
    const member = group.members.find((m) => m.slug === slug);
    const found = results.find((r) => r.slug === slug);
    if (!member || !found) return;
    const result = { ...found, confidence: groupConfidence };
    const chosen = el(
      'p',
      { className: 'group-chosen', tabIndex: -1 },
      TEXT.group.chosen(member.answer),
      ' ',
      el('button', { type: 'button', className: 'secondary', textContent: TEXT.group.change }),
    );
    chosen.dataset['testid'] = 'group-chosen';
    body.replaceChildren(
      chosen,
      el('ol', { className: 'result-list' }, card(result, opts, linkMessage, false)),
    );
    li.dataset['answer'] = slug;
    chosen.focus();
  };
  li.addEventListener('click', (event) => {
    const b = (event.target as HTMLElement).closest('button');
    if (!b || b.dataset['action']) return;
    if (b.dataset['answer']) choose(b.dataset['answer']);
    else if (b.closest('.group-chosen')) {
      const was = li.dataset['answer'];
      delete li.dataset['answer'];
      body.replaceChildren(answers);
      (
        answers.querySelector<HTMLElement>(`[data-answer="${was}"]`) ?? answers.querySelector('button')
      )?.focus();
    }
  });
  return li;
}

/** What the not-found box says of the QuickBooks fault in the paste, with the pages that share its code or title. */
function faultLines(
  { code, title, pages = [], pageCount = 0 }: OutcomeFault,
  opts: RenderOptions,
): HTMLElement[] {
  if (!pages.length) return [el('p', { textContent: TEXT.notFound.fault(code, title) })];
  const list = el(
    'ul',
    {},
    ...pages.map((p) => el('li', {}, el('a', { href: errorHref(opts.base, p.slug), textContent: p.title }))),
  );
  list.dataset['testid'] = 'fault-pages';
  return [
    el('p', { textContent: TEXT.notFound.faultPages(code, title, pageCount) }),
    list,
    ...(pageCount > pages.length
      ? [el('p', { textContent: TEXT.notFound.faultMore(pageCount - pages.length) })]
      : []),
  ];
}

/** Where the request goes: an email link (its href set by the owner, with the request), a form, or plain words. */
function supportLine(support: NonNullable<RenderOptions['support']>): HTMLElement {
  if (support.email)
    return el(
      'p',
      {},
      el('a', { href: '#', className: 'mailto', textContent: TEXT.notFound.email(support.email) }),
    );
  if (support.url)
    return el(
      'p',
      {},
      el('a', { href: support.url, textContent: TEXT.notFound.form }),
      TEXT.notFound.formHint,
    );
  return el('p', { textContent: TEXT.notFound.whom });
}

/** "Not in the knowledge base?": what the paste's fault is (`about`), and the request for support. */
function supportBox(about: Node[], opts: RenderOptions): HTMLElement {
  const box = el(
    'div',
    { className: 'not-found' },
    el('h2', { textContent: TEXT.notFound.heading }),
    ...about,
    el('p', { textContent: TEXT.notFound.body }),
    el('p', { className: 'card-tools' }, button(TEXT.notFound.copy, 'not-found')),
    supportLine(opts.support ?? {}),
  );
  box.dataset['testid'] = 'not-found';
  return box;
}

function triage(outcome: GroupedOutcome, opts: RenderOptions): HTMLElement {
  const rows = triageRows(outcome, (slug) => errorHref(opts.base, slug));
  const table = el(
    'table',
    { className: 'triage' },
    el('caption', {
      textContent: TEXT.triage.caption(rows.length, outcome.lines),
    }),
  );
  table.append(
    el(
      'thead',
      {},
      el('tr', {}, ...TEXT.triage.columns.map((h) => el('th', { scope: 'col', textContent: h }))),
    ),
  );
  const body = el('tbody');
  for (const r of rows) {
    const tr = el(
      'tr',
      {},
      el(
        'td',
        {},
        ...r.pages.flatMap((p, i) => [
          ...(i ? [TEXT.triage.or] : []),
          el('a', { href: p.url, textContent: p.title }),
        ]),
        rowNote(r),
      ),
      el('td', { textContent: String(r.count) }),
      el('td', { textContent: valuesSummary(r.values) || EMPTY_CELL }),
    );
    tr.dataset['testid'] = 'triage-row';
    if (r.group) tr.dataset['group'] = r.group;
    else tr.dataset['slug'] = r.pages[0]!.slug;
    tr.dataset['count'] = String(r.count);
    body.append(tr);
  }
  table.append(body);
  const section = el(
    'section',
    { className: 'triage-view' },
    el('div', { className: 'table-scroll' }, table),
  );
  section.setAttribute('aria-label', TEXT.triage.label);
  section.dataset['testid'] = 'triage';
  if (outcome.unmatched.length) {
    // In a report only sure matches count (match.ts onlyMatches): a line may still have guesses of
    // its own, which the troubleshooter shows for the line alone. A new tab keeps the report; the
    // line goes in the fragment, which no request carries (and every page's referrer policy is
    // no-referrer; a new tab from target=_blank has no opener).
    const list = el(
      'ul',
      {},
      ...outcome.unmatched.map((l) =>
        el(
          'li',
          {},
          el('code', { textContent: l }),
          ' ',
          el('a', {
            href: troubleshooterHref(opts.base, l),
            target: '_blank',
            textContent: TEXT.triage.lookUpAlone,
          }),
        ),
      ),
    );
    const details = el(
      'details',
      {},
      el('summary', {
        textContent: TEXT.triage.unmatched(outcome.unmatched.length),
      }),
      list,
    );
    details.dataset['testid'] = 'unmatched-lines';
    section.append(details);
  }
  section.append(
    el(
      'p',
      { className: 'card-tools' },
      button(TEXT.copyMarkdown, 'triage-markdown'),
      ' ',
      button(TEXT.downloadCsv, 'triage-csv'),
    ),
  );
  return section;
}

export function renderResults(container: HTMLElement, outcome: GroupedOutcome, opts: RenderOptions): void {
  const linkMessage = shortenForLink(opts.message, outcome);
  const nodes: Node[] = [];
  const { results } = outcome;
  const items = shownItems(outcome);
  const matches = results.filter((r) => r.verdict === 'match').length;
  const only = items.length === 1 ? items[0] : undefined;
  let summary: string;
  if (outcome.empty) summary = TEXT.summary.empty;
  // Every line it read was routine work: say so, so the person pastes the line with the error.
  else if (!results.length && outcome.routine && !outcome.unmatched.length) summary = TEXT.summary.routine;
  else if (!results.length) summary = TEXT.summary.none;
  else if (matches === 1 && results.length === 1) summary = TEXT.summary.one;
  else if (only?.kind === 'group') summary = TEXT.summary.group(only.results.length);
  else if (matches > 0) summary = TEXT.summary.found(matches, items.length - matches);
  // Its card previews no message to compare with the paste (renderResult).
  else if (only?.kind === 'result' && only.result.general) summary = TEXT.summary.general;
  else if (items[0]?.kind === 'result' && items[0].result.general)
    summary = TEXT.summary.generalFirst(items.length);
  else summary = TEXT.summary.unsure(items.length);
  const head = el('p', { className: 'results-summary', textContent: summary, tabIndex: -1 });
  head.dataset['testid'] = 'results-summary';
  nodes.push(head);
  if (outcome.truncated) nodes.push(el('p', { className: 'note', textContent: TEXT.truncated }));
  if (outcome.fuzzyCapped) nodes.push(el('p', { className: 'note', textContent: TEXT.fuzzyCapped }));
  if (results.length) {
    const list = el('ol', { className: 'result-list' });
    items.forEach((item, i) =>
      list.append(
        item.kind === 'group'
          ? groupCard(item.group, item.results, opts, linkMessage, i === 0)
          : card(item.result, opts, linkMessage, i === 0),
      ),
    );
    nodes.push(list);
    if (opts.tools && outcome.lines > 1) nodes.push(triage(outcome, opts));
    // Only guesses (no `match`, no near-duplicate pair to choose from): the error may be one the
    // knowledge base does not have yet, so the way to support stays open under them, naming the
    // QuickBooks fault the paste carries; under a triage too (an email or a chat around the error).
    if (opts.tools && !matches && !outcome.groups.length)
      nodes.push(
        supportBox(
          outcome.fault
            ? [el('p', { textContent: TEXT.notFound.faultUnsure(outcome.fault.code, outcome.fault.title) })]
            : [],
          opts,
        ),
      );
    // Every `match` is a code's general page (the paste's rule has no page of its own): the way to
    // ask for an article on that rule stays open under it, under a triage too (a fault's header and
    // its detail are two lines).
    if (
      opts.tools &&
      matches &&
      !outcome.groups.length &&
      results.every((r) => r.verdict !== 'match' || r.via === 'general')
    )
      nodes.push(supportBox([el('p', { textContent: TEXT.notFound.generalRule })], opts));
  } else if (!outcome.empty && opts.showEmpty !== false) {
    nodes.push(
      el(
        'p',
        {},
        TEXT.notFound.tryBefore,
        el('a', {
          href: `${opts.base}search/#q=${encodeText(linkMessage, SEARCH_LINK_CHARS)}`,
          textContent: TEXT.notFound.search,
        }),
        TEXT.notFound.or,
        el('a', { href: `${opts.base}errors/`, textContent: TEXT.notFound.browse }),
        '.',
      ),
    );
    if (opts.tools) nodes.push(supportBox(outcome.fault ? faultLines(outcome.fault, opts) : [], opts));
  }
  container.replaceChildren(...nodes);
}

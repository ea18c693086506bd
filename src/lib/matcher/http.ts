/**
 * HTTP statuses in a paste, one source for the code finder (an HTTP status is not a QBO code:
 * unwrap.ts) and for the tokenizer (a status said without its words reads with its reason phrase:
 * words.ts).
 */

/**
 * HTTP's reason phrases (RFC 9110; 429: RFC 6585) for the error statuses QuickBooks Online's API
 * returns: those its error codes page lists, and 429, 502 and 504, which the qbo_api gem names too.
 */
export const HTTP_REASONS: Readonly<Record<string, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * HTTP's own name for a status before its number (`HTTP 500`, `HTTP/1.1 503`, `Http Status Code [400]`,
 * `statusCode=504`, `status_code=504`, `Response Code:[400]`), then `after`. Pure, so a bundle that
 * imports none of the expressions below (the error pages' marking) carries none of them.
 */
/* @__NO_SIDE_EFFECTS__ */
function afterHttpName(after: string, flags: string): RegExp {
  return new RegExp(
    String.raw`\b(?:https?(?:\/[\d.]+)?(?:\s*(?:status|error|response))?|status|response)(?:[\s_]*code)?[\s:=#[("']{0,4}` +
      after,
    flags,
  );
}

/** That name, ending where a number starts (the code finder looks back from the number). */
export const HTTP_BEFORE = afterHttpName('$', 'i');

/** One of the error statuses above said with HTTP's name for it (`HTTP 503`, `status=429`). */
export const HTTP_ERROR_NAMED = afterHttpName(String.raw`(?:${Object.keys(HTTP_REASONS).join('|')})\b`, 'i');

/** A status said with HTTP's name for it and no words after it (its number in group 1). */
export const HTTP_STATUS_SAID = afterHttpName(String.raw`(\d{3})\b(?![\]]?[ -]{0,2}\p{L})`, 'giu');

/**
 * The reason phrases above as one alternation, spaces optional (`InternalServerError`), and as
 * servers also write 504's (`Gateway Time-out`). Pure, as afterHttpName is.
 */
/* @__NO_SIDE_EFFECTS__ */
export function reasonPhrases(): string {
  return Object.values(HTTP_REASONS)
    .map((p) => p.toLowerCase().replace(/ /g, ' ?').replace('timeout', 'time-?out'))
    .join('|');
}

/** A reason phrase just after the number (`500 Internal Server Error`, `503- Service Unavailable`). */
export const HTTP_REASON = /* @__PURE__ */ new RegExp(String.raw`^\s?[-:]?\s?(?:${reasonPhrases()})\b`, 'i');

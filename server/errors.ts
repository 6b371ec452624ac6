// HTTP errors: named API errors and the one handler that turns any error into a JSON response.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AnswerAbortedError } from '../answer/index.js';
import { IndexCorruptError, IndexMismatchError, IndexNotBuiltError } from '../index/index.js';
import type { Logger } from './logger.js';

/** An error with an HTTP status, a stable code and a message safe to show to the client. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The one JSON error body shape: {"error": {"code", "message"}}. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Maps any thrown error to an ApiError; unknown errors become a generic 500 (details only in logs). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    const message = err.status === 400 && /json/i.test(err.message) ? 'malformed JSON in request body' : err.message || 'bad request';
    return new ApiError(err.status as ContentfulStatusCode, err.status === 413 ? 'payload_too_large' : 'bad_request', message);
  }
  // 499, as nginx logs it: nobody reads this response, but logs and metrics tell hang-ups from failures.
  if (err instanceof AnswerAbortedError) return new ApiError(499 as ContentfulStatusCode, err.code, 'the client closed the request before the answer was ready');
  if (err instanceof IndexNotBuiltError || err instanceof IndexCorruptError || err instanceof IndexMismatchError) {
    return new ApiError(503, err.code, 'the index is not available; the operator must re-run ingest');
  }
  return new ApiError(500, 'internal_error', 'internal server error');
}

/** Hono onError handler: logs (with the request id) and answers with the JSON error body. */
export function handleError(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof HTTPException && err.res) return err.getResponse(); // e.g. bearer auth's own 401 with WWW-Authenticate
    const api = toApiError(err);
    if (api.status >= 500) logger.error('request failed', { requestId: c.get('requestId'), error: err.message, stack: err.stack });
    return c.json(errorBody(api.code, api.message), api.status);
  };
}

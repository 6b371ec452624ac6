// Named errors of the WeChat channels: a rejected callback request (4xx) and an invalid channel setup.

/** Why a callback request was refused; each code maps to one HTTP status. */
export type RejectionCode =
  | 'missing_parameter'
  | 'stale_timestamp'
  | 'invalid_signature'
  | 'encryption_required'
  | 'encryption_not_configured'
  | 'undecryptable'
  | 'receive_id_mismatch'
  | 'body_too_large'
  | 'malformed_body'
  | 'forbidden_markup';

const statusOf: Record<RejectionCode, 400 | 403 | 413> = {
  missing_parameter: 400,
  stale_timestamp: 403,
  invalid_signature: 403,
  encryption_required: 403,
  encryption_not_configured: 400,
  undecryptable: 400,
  receive_id_mismatch: 403,
  body_too_large: 413,
  malformed_body: 400,
  forbidden_markup: 400,
};

/** A callback request that must be refused before anything in it is processed. */
export class WechatRequestError extends Error {
  readonly status: 400 | 403 | 413;

  constructor(
    readonly code: RejectionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WechatRequestError';
    this.status = statusOf[code];
  }
}

/** A channel configured inconsistently (bad EncodingAESKey, AES key without AppID, …); thrown at startup. */
export class WechatConfigError extends Error {
  readonly code = 'invalid_wechat_config';

  constructor(message: string) {
    super(message);
    this.name = 'WechatConfigError';
  }
}

/** The WeChat or WeCom HTTP API answered with a non-zero errcode or an unusable response. */
export class WechatApiError extends Error {
  readonly code = 'wechat_api_error';

  constructor(
    readonly errcode: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WechatApiError';
  }
}

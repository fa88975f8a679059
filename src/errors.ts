/** The one error vocabulary of the product; each edge (HTTP, CLI) maps codes to its own form. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_format'
  | 'corrupt_input'
  | 'timeout'
  | 'framework_invalid'
  | 'database_unavailable'
  | 'internal';

const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_format: 415,
  corrupt_input: 422,
  timeout: 422,
  framework_invalid: 500,
  database_unavailable: 503,
  internal: 500,
};

/** An expected failure with a message for people and an optional hint on what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { hint?: string; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = opts.hint;
    this.details = opts.details;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

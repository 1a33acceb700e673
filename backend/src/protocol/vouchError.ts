/**
 * The base of every error Vouch throws on purpose (the pattern `jose` uses for its `JOSEError`).
 * `code` is stable: callers branch on it (or on `instanceof`), never on the message, which is free to
 * change wording. An error that wraps another passes it as `cause`, so the chain survives logging.
 * Environment-neutral (ES only) so the backend, the desktop main process and the renderer share it.
 */
export interface VouchErrorOptions {
  /** The error this one wraps. */
  cause?: unknown;
}

export class VouchError extends Error {
  /** The code of errors of this class; subclasses with one fixed code override it. */
  static readonly code: string = 'VOUCH_ERROR';

  /** A stable, machine-readable code (SCREAMING_SNAKE_CASE); never renamed once shipped. */
  readonly code: string;

  /**
   * @param message A sentence for people and logs; may change wording between releases.
   * @param options `cause` keeps a wrapped error; `code` is for subclasses whose code varies per instance.
   */
  constructor(message?: string, options?: VouchErrorOptions & { code?: string }) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = options?.code ?? (new.target as typeof VouchError).code;
  }
}

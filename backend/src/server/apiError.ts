import type { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VerifiedUser } from '../auth/jwt.js';
import { DEFAULT_ERROR_MESSAGES, VouchError, type ErrorCode, type VouchErrorOptions } from '../protocol/index.js';

/** An HTTP error with a stable code, rendered as `{error: {code, message}}`. */
export class ApiError extends VouchError {
  declare readonly code: ErrorCode;
  constructor(
    readonly status: number,
    code: ErrorCode,
    message?: string,
    options?: VouchErrorOptions,
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code].message, { ...options, code });
    this.name = 'ApiError';
  }
}

/** The verified caller of an HTTP request (Bearer access token), or a 401 ApiError. */
type RequireUser = (req: FastifyRequest) => Promise<VerifiedUser>;

/** One resource's HTTP routes. */
export type RouteModule = (app: FastifyInstance, requireUser: RequireUser) => void | Promise<void>;

/**
 * A response body as its protocol shape (protocol/http.ts) declares it: fields the shape does not
 * name (internal references, storage columns) never leave the server; a body that does not fit is a
 * server bug and answers 500.
 */
export function shaped<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  return schema.parse(body);
}

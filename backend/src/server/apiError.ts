import type { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VerifiedUser } from '../auth/jwt.js';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../protocol/index.js';

/** An HTTP error with a stable code, rendered as `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code].message);
  }
}

/** The verified caller of an HTTP request (Bearer access token), or a 401 ApiError. */
export type RequireUser = (req: FastifyRequest) => Promise<VerifiedUser>;

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

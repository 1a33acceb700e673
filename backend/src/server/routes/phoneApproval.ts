import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuditInput, AuditTrail } from '../../audit/index.js';
import { CibaError, type CibaClient, type CibaStart } from '../../auth/ciba.js';
import { ApiError } from '../apiError.js';

type Purpose = 'rule_change' | 'settings_change';
type Ciba = Pick<CibaClient, 'start' | 'waitForDecision'>;

export interface PhoneApproval {
  sub: string;
  purpose: Purpose;
  /** What the phone shows (already within Auth0's characters and 64 characters). */
  bindingMessage: string;
  /** The sentence a refusal carries ("Loosening a rule needs your approval on your phone."). */
  refusal: string;
  /** Extra fields for the audit entry of the phone's answer (which domain, which rule). */
  audit?: Pick<AuditInput, 'refs'> & { data?: AuditInput['data'] };
}

/** A request's wait for the phone, stopped when the caller goes away or the server stops. */
export interface PhoneWait {
  signal: AbortSignal;
  /** True when the server stopping, not the caller, ended the wait. */
  serverStopping(): boolean;
  end(): void;
}

/**
 * The phone waits each server holds. A wait lasts as long as the CIBA request (minutes): a stopping
 * server ends them at once rather than being held open by them.
 */
const waitsByServer = new WeakMap<FastifyInstance, { open: Set<AbortController>; stopping: boolean }>();

function waitsOf(server: FastifyInstance) {
  let waits = waitsByServer.get(server);
  if (!waits) {
    const created = { open: new Set<AbortController>(), stopping: false };
    server.addHook('preClose', async () => {
      created.stopping = true;
      for (const wait of created.open) wait.abort();
    });
    waitsByServer.set(server, created);
    waits = created;
  }
  return waits;
}

/** Call when a route module is set up, so the server's stop hook exists before it starts closing. */
export function trackPhoneWaits(server: FastifyInstance): void {
  waitsOf(server);
}

export function startPhoneWait(reply: FastifyReply): PhoneWait {
  const waits = waitsOf(reply.server);
  const wait = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableEnded) wait.abort();
  };
  reply.raw.once('close', onClose);
  waits.open.add(wait);
  if (waits.stopping) wait.abort();
  return {
    signal: wait.signal,
    serverStopping: () => waits.stopping,
    end: () => {
      waits.open.delete(wait);
      reply.raw.off('close', onClose);
    },
  };
}

/** The answer to a request whose phone wait the server's stop ended: nothing was granted; ask again. */
export const restartedBeforeAnswer = () =>
  new ApiError(503, 'APPROVAL_FAILED', 'The service restarted before your phone answered; ask again.');

/** Starts CIBA for a route; a limiter's refusal becomes the route's 429. */
export async function askPhone(ciba: Ciba, req: Parameters<Ciba['start']>[0]): Promise<CibaStart> {
  try {
    return await ciba.start(req);
  } catch (err) {
    if (err instanceof CibaError && err.kind === 'rate_limited')
      throw new ApiError(429, 'RATE_LIMITED', `Not asking your phone again yet: ${err.message}.`, { cause: err });
    throw err;
  }
}

/**
 * Asks the person's phone (CIBA) and waits; resolves only when approved, otherwise throws the
 * ApiError the route answers with. The phone's answer is audited whatever it is. Stops waiting when
 * the caller goes away (the popover closed), so an abandoned request cannot be approved later.
 */
export async function approveOnPhone(deps: { ciba: Ciba; trail: AuditTrail }, req: PhoneApproval, reply: FastifyReply): Promise<void> {
  const wait = startPhoneWait(reply);
  try {
    if (wait.serverStopping()) throw restartedBeforeAnswer();
    const start = await askPhone(deps.ciba, { sub: req.sub, purpose: req.purpose, bindingMessage: req.bindingMessage });
    const outcome = await deps.ciba.waitForDecision(start, { signal: wait.signal, owner: { sub: req.sub, purpose: req.purpose } });
    await deps.trail.note(req.sub, {
      kind: 'approval',
      data: { purpose: req.purpose, outcome, ...req.audit?.data },
      ...(req.audit?.refs ? { refs: req.audit.refs } : {}),
    });
    if (outcome === 'approved') return;
    if (outcome === 'cancelled' && wait.serverStopping()) throw restartedBeforeAnswer();
    throw new ApiError(403, outcome === 'expired' ? 'APPROVAL_EXPIRED' : 'APPROVAL_DENIED', req.refusal);
  } finally {
    wait.end();
  }
}

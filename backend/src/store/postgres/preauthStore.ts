import {
  createPreauthorization,
  isActive,
  Preauthorization,
  PreauthorizationError,
  type PreauthRequest,
  type StepUpProof,
} from '../../policy/preauth.js';
import { defaultPreauthId, type IdGenerator, type PreauthStore } from '../../policy/preauthStore.js';
import { isUniqueViolation, type PgPool } from './pool.js';

/**
 * Pre-authorization grants in PostgreSQL. The UNIQUE (user_id, step_up_ref) constraint makes one
 * step-up proof buy one grant across every instance; revoke is a conditional UPDATE, so only one of
 * two racing revokes reports success.
 */
interface Row {
  id: string;
  user_id: string;
  tool: string;
  max_level: string;
  max_score: number;
  created_at: number;
  expires_at: number;
  step_up_ref: string;
  revoked_at: number | null;
}

export class PostgresPreauthStore implements PreauthStore {
  constructor(
    private readonly pool: PgPool,
    private readonly newId: IdGenerator = defaultPreauthId,
  ) {}

  async create(user: string, request: PreauthRequest, proof: StepUpProof | null | undefined, now: number): Promise<Preauthorization> {
    const g = createPreauthorization(user, request, proof, now, this.newId());
    try {
      await this.pool.query(
        'INSERT INTO policy_preauthorizations (id, user_id, tool, max_level, max_score, created_at, expires_at, step_up_ref, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)',
        [g.id, g.user, g.tool, g.max_level, g.max_score, g.created_at, g.expires_at, g.step_up_ref],
      );
    } catch (err) {
      if (isUniqueViolation(err, 'policy_preauth_step_up_once'))
        throw new PreauthorizationError('STEP_UP_REUSED', 'this step-up already created a pre-authorization', { cause: err });
      throw err;
    }
    return g;
  }

  async listActive(user: string, now: number): Promise<Preauthorization[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM policy_preauthorizations WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at, id',
      [user, now],
    );
    return rows.map(toGrant).filter((g) => isActive(g, now));
  }

  async list(user: string): Promise<Preauthorization[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM policy_preauthorizations WHERE user_id = $1 ORDER BY created_at DESC, id DESC',
      [user],
    );
    return rows.map(toGrant);
  }

  async revoke(user: string, id: string, now: number): Promise<boolean> {
    const res = await this.pool.query(
      'UPDATE policy_preauthorizations SET revoked_at = $3 WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL AND expires_at > $3',
      [user, id, now],
    );
    return (res.rowCount ?? 0) > 0;
  }
}

function toGrant(r: Row): Preauthorization {
  return Preauthorization.parse({
    id: r.id,
    user: r.user_id,
    tool: r.tool,
    max_level: r.max_level,
    max_score: r.max_score,
    created_at: r.created_at,
    expires_at: r.expires_at,
    granted_after_step_up: true,
    step_up_ref: r.step_up_ref,
    revoked_at: r.revoked_at,
  });
}

import { randomUUID } from 'node:crypto';
import {
  createPreauthorization,
  isActive,
  PreauthorizationError,
  revokePreauthorization,
  type Preauthorization,
  type PreauthRequest,
  type StepUpProof,
} from './preauth.js';

/**
 * Where grants live. `create` demands the step-up proof (see preauth.ts) and refuses a proof that
 * already created a grant, so one phone approval buys exactly one time box. Time is always passed in.
 */
export interface PreauthStore {
  create(user: string, request: PreauthRequest, proof: StepUpProof | null | undefined, now: number): Promise<Preauthorization>;
  /** Grants neither expired nor revoked at `now`: what the policy consults and the app shows. */
  listActive(user: string, now: number): Promise<Preauthorization[]>;
  /** Every grant of the user, newest first, including expired and revoked (for the history view). */
  list(user: string): Promise<Preauthorization[]>;
  /** True if a grant was active and is now revoked. */
  revoke(user: string, id: string, now: number): Promise<boolean>;
}

export type IdGenerator = () => string;
export const defaultPreauthId: IdGenerator = () => `pa_${randomUUID()}`;

export class InMemoryPreauthStore implements PreauthStore {
  private readonly grants = new Map<string, Preauthorization[]>();

  constructor(private readonly newId: IdGenerator = defaultPreauthId) {}

  async create(user: string, request: PreauthRequest, proof: StepUpProof | null | undefined, now: number): Promise<Preauthorization> {
    const g = createPreauthorization(user, request, proof, now, this.newId());
    const list = this.grants.get(user) ?? [];
    if (list.some((x) => x.step_up_ref === g.step_up_ref)) {
      throw new PreauthorizationError('STEP_UP_REUSED', 'this step-up already created a pre-authorization');
    }
    list.push(g);
    this.grants.set(user, list);
    return { ...g };
  }

  async listActive(user: string, now: number): Promise<Preauthorization[]> {
    return (this.grants.get(user) ?? []).filter((g) => isActive(g, now)).map((g) => ({ ...g }));
  }

  async list(user: string): Promise<Preauthorization[]> {
    return [...(this.grants.get(user) ?? [])].reverse().map((g) => ({ ...g }));
  }

  async revoke(user: string, id: string, now: number): Promise<boolean> {
    const list = this.grants.get(user) ?? [];
    const i = list.findIndex((g) => g.id === id);
    const g = list[i];
    if (!g || !isActive(g, now)) return false;
    list[i] = revokePreauthorization(g, now);
    return true;
  }
}

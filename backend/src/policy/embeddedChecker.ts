import type { AuthorizationModelJson } from './authzModel.js';
import type { AuthorizationChecker, CheckRequest, RelationshipTuple } from './authorization.js';
import { VouchError } from '../protocol/vouchError.js';

/**
 * A small in-process OpenFGA check: direct relations (incl. `type:*` wildcards and usersets such as
 * role#member), computed usersets, tuple-to-userset, union, intersection and exclusion — the subset
 * Vouch's model uses. Conditions (ABAC) are not supported and a model using them is refused, so the
 * embedded checker can never silently answer differently from a server. Pure: no I/O.
 */

type Rewrite = {
  this?: object;
  computedUserset?: { relation?: string };
  tupleToUserset?: { tupleset?: { relation?: string }; computedUserset?: { relation?: string } };
  union?: { child?: Rewrite[] };
  intersection?: { child?: Rewrite[] };
  difference?: { base?: Rewrite; subtract?: Rewrite };
};

type RelationRef = { type: string; relation?: string; wildcard?: object; condition?: string };

/** OpenFGA's default resolution depth; beyond it the server errors, so do we. */
const MAX_RESOLUTION_DEPTH = 25;

export class AuthorizationModelError extends VouchError {
  static override readonly code = 'AUTHORIZATION_MODEL_INVALID';
  override name = 'AuthorizationModelError';
}

interface TypeInfo {
  relations: Map<string, Rewrite>;
  directTypes: Map<string, RelationRef[]>;
}

function typeOf(ref: string): string {
  const i = ref.indexOf(':');
  return i < 0 ? '' : ref.slice(0, i);
}

export class EmbeddedChecker implements AuthorizationChecker {
  private readonly types = new Map<string, TypeInfo>();
  /** "object#relation" → users (plain, wildcard, or userset). */
  private readonly tuples = new Map<string, Set<string>>();

  constructor(model: AuthorizationModelJson, tuples: readonly RelationshipTuple[] = []) {
    if ((model.conditions && Object.keys(model.conditions).length > 0) || model.schema_version !== '1.1') {
      throw new AuthorizationModelError('the embedded checker supports schema 1.1 models without conditions');
    }
    for (const td of model.type_definitions) {
      const relations = new Map<string, Rewrite>(Object.entries((td.relations ?? {}) as Record<string, Rewrite>));
      const directTypes = new Map<string, RelationRef[]>();
      for (const [rel, meta] of Object.entries(td.metadata?.relations ?? {})) {
        directTypes.set(rel, (meta.directly_related_user_types ?? []) as RelationRef[]);
      }
      this.types.set(td.type, { relations, directTypes });
    }
    this.write(tuples);
  }

  /** Adds tuples, refusing ones the model does not allow (as the OpenFGA server does). */
  write(tuples: readonly RelationshipTuple[]): void {
    for (const t of tuples) this.validateTuple(t);
    for (const t of tuples) {
      const key = `${t.object}#${t.relation}`;
      let set = this.tuples.get(key);
      if (!set) this.tuples.set(key, (set = new Set()));
      set.add(t.user);
    }
  }

  delete(tuples: readonly RelationshipTuple[]): void {
    for (const t of tuples) this.tuples.get(`${t.object}#${t.relation}`)?.delete(t.user);
  }

  async check(req: CheckRequest): Promise<boolean> {
    return this.checkSync(req);
  }

  checkSync(req: CheckRequest): boolean {
    this.relationOf(typeOf(req.object), req.relation); // unknown type/relation is an error, not "false"
    return this.resolve(req.user, req.relation, req.object, 0, new Set());
  }

  private validateTuple(t: RelationshipTuple): void {
    const objType = typeOf(t.object);
    this.relationOf(objType, t.relation);
    if (!/^[^:#@\s]+:[^#:\s]+$/.test(t.object)) throw new AuthorizationModelError(`invalid object "${t.object}"`);
    const allowed = this.types.get(objType)?.directTypes.get(t.relation) ?? [];
    const [userObj, userRel] = t.user.split('#', 2) as [string, string | undefined];
    const userType = typeOf(userObj);
    const isWildcard = userObj.endsWith(':*');
    const ok = allowed.some(
      (r) =>
        r.type === userType &&
        (userRel ? r.relation === userRel : isWildcard ? r.wildcard !== undefined : r.relation === undefined && r.wildcard === undefined),
    );
    if (!ok) throw new AuthorizationModelError(`the model does not allow ${t.user} as ${t.relation} of ${t.object}`);
  }

  private relationOf(type: string, relation: string): Rewrite {
    const td = this.types.get(type);
    if (!td) throw new AuthorizationModelError(`unknown type "${type}"`);
    const rw = td.relations.get(relation);
    if (!rw) throw new AuthorizationModelError(`type "${type}" has no relation "${relation}"`);
    return rw;
  }

  private resolve(user: string, relation: string, object: string, depth: number, path: Set<string>): boolean {
    if (depth > MAX_RESOLUTION_DEPTH) throw new AuthorizationModelError('resolution depth exceeded');
    const key = `${user}|${relation}|${object}`;
    // A cycle adds nothing new along this path; OpenFGA treats it as "not via this branch".
    if (path.has(key)) return false;
    path.add(key);
    try {
      return this.evaluate(this.relationOf(typeOf(object), relation), user, relation, object, depth, path);
    } finally {
      path.delete(key);
    }
  }

  private evaluate(rw: Rewrite, user: string, relation: string, object: string, depth: number, path: Set<string>): boolean {
    if (rw.this) return this.direct(user, relation, object, depth, path);
    if (rw.computedUserset) return this.resolve(user, must(rw.computedUserset.relation), object, depth + 1, path);
    if (rw.tupleToUserset) {
      const via = must(rw.tupleToUserset.tupleset?.relation);
      const target = must(rw.tupleToUserset.computedUserset?.relation);
      for (const parent of this.tuples.get(`${object}#${via}`) ?? []) {
        if (parent.includes('#') || parent.endsWith(':*')) continue;
        // As in OpenFGA, a parent whose type lacks the relation contributes nothing.
        if (!this.types.get(typeOf(parent))?.relations.has(target)) continue;
        if (this.resolve(user, target, parent, depth + 1, path)) return true;
      }
      return false;
    }
    if (rw.union) return (rw.union.child ?? []).some((c) => this.evaluate(c, user, relation, object, depth, path));
    if (rw.intersection) {
      const children = rw.intersection.child ?? [];
      return children.length > 0 && children.every((c) => this.evaluate(c, user, relation, object, depth, path));
    }
    if (rw.difference) {
      return (
        this.evaluate(mustRw(rw.difference.base), user, relation, object, depth, path) &&
        !this.evaluate(mustRw(rw.difference.subtract), user, relation, object, depth, path)
      );
    }
    throw new AuthorizationModelError(`unsupported rewrite on ${object}#${relation}`);
  }

  private direct(user: string, relation: string, object: string, depth: number, path: Set<string>): boolean {
    const users = this.tuples.get(`${object}#${relation}`);
    if (!users) return false;
    if (users.has(user)) return true;
    const userIsObject = !user.includes('#');
    if (userIsObject && users.has(`${typeOf(user)}:*`)) return true;
    for (const u of users) {
      const hash = u.indexOf('#');
      if (hash < 0) continue;
      if (this.resolve(user, u.slice(hash + 1), u.slice(0, hash), depth + 1, path)) return true;
    }
    return false;
  }
}

function must(s: string | undefined): string {
  if (!s) throw new AuthorizationModelError('malformed model: missing relation name');
  return s;
}

function mustRw(r: Rewrite | undefined): Rewrite {
  if (!r) throw new AuthorizationModelError('malformed model: missing rewrite');
  return r;
}

import { readFileSync } from 'node:fs';
import type { AuthorizationModel } from '@openfga/sdk';
import syntax from '@openfga/syntax-transformer';

/** The model as OpenFGA's JSON (what `writeAuthorizationModel` takes and the embedded checker reads). */
export type AuthorizationModelJson = Omit<AuthorizationModel, 'id'>;

const MODEL_FGA_URL = new URL('./model.fga', import.meta.url);

/** Parses OpenFGA DSL with OpenFGA's own transformer, after its validator (which throws on errors). */
export function parseModelDsl(dsl: string): AuthorizationModelJson {
  syntax.validator.validateDSL(dsl);
  return syntax.transformer.transformDSLToJSONObject(dsl);
}

/** Reads and parses backend/src/policy/model.fga (the file ships beside this module). */
export function loadVouchModel(): AuthorizationModelJson {
  return parseModelDsl(readFileSync(MODEL_FGA_URL, 'utf8'));
}

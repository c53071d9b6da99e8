import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.js';
import { newId, sha256Hex } from './secrets.js';

// Officer tokens: the administration of who may use the officer API (the `officer` CLI).

/** A problem with what an administrator asked for (unknown agency, bad name…); its message says what to do. */
export class OfficerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficerInputError';
  }
}

export interface OfficerTokenInfo {
  id: string;
  name: string;
  agency_id: string;
  region_code: string;
  created_at: Date;
  revoked_at: Date | null;
}

const regionPattern = /^[0-9]{2}(\.[0-9]{2})?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A region must be a known Kemendagri code; the error names the format when it is not even that. */
export async function assertRegionExists(db: Queryable, code: string): Promise<void> {
  if (!regionPattern.test(code)) {
    throw new OfficerInputError(
      `region "${code}" is not a Kemendagri code: use a province (33) or kabupaten/kota (33.74) code`,
    );
  }
  const rows = await db.query('select 1 from region where code = $1', [code]);
  if (rows.length === 0) throw new OfficerInputError(`there is no region with code "${code}"`);
}

export async function assertAgencyExists(db: Queryable, id: string): Promise<void> {
  const rows = await db.query('select 1 from agency where id = $1', [id]);
  if (rows.length > 0) return;
  const known = await db.query<{ id: string }>('select id from agency order by id');
  throw new OfficerInputError(
    `there is no agency "${id}"; known agencies: ${known.map((a) => a.id).join(', ')}`,
  );
}

export function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new OfficerInputError('the officer name must not be empty');
  if (trimmed.length > 100) throw new OfficerInputError('the officer name must be at most 100 characters');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new OfficerInputError('the officer name must not contain control characters');
  }
  return trimmed;
}

/**
 * Creates an officer token scoped to one agency and one region (a province code covers its
 * kabupaten/kota). Returns the token itself, which is never stored: only its SHA-256 is.
 */
export async function createOfficerToken(
  db: Queryable,
  input: { name: string; agency: string; region: string },
): Promise<OfficerTokenInfo & { token: string }> {
  const name = cleanName(input.name);
  await assertAgencyExists(db, input.agency);
  await assertRegionExists(db, input.region);
  const token = randomBytes(32).toString('base64url');
  const rows = await db.query<OfficerTokenInfo>(
    `insert into officer_token (id, name, token_hash, agency_id, region_code) values ($1, $2, $3, $4, $5)
     returning id, name, agency_id, region_code, created_at, revoked_at`,
    [newId(), name, sha256Hex(token), input.agency, input.region],
  );
  return { ...(rows[0] as OfficerTokenInfo), token };
}

/** Tokens (never their secrets), newest first, optionally of one agency and/or region. */
export async function listOfficerTokens(
  db: Queryable,
  filter: { agency?: string | undefined; region?: string | undefined } = {},
): Promise<OfficerTokenInfo[]> {
  return db.query<OfficerTokenInfo>(
    `select id, name, agency_id, region_code, created_at, revoked_at from officer_token
     where ($1::text is null or agency_id = $1) and ($2::text is null or region_code = $2)
     order by created_at desc, id`,
    [filter.agency ?? null, filter.region ?? null],
  );
}

/** Revokes a token at once (the next request with it is 401). Revoking twice is harmless. */
export async function revokeOfficerToken(
  db: Queryable,
  id: string,
): Promise<{ result: 'revoked' | 'already-revoked'; token: OfficerTokenInfo } | { result: 'not-found' }> {
  if (!uuidPattern.test(id)) return { result: 'not-found' };
  const revoked = await db.query<OfficerTokenInfo>(
    `update officer_token set revoked_at = now() where id = $1 and revoked_at is null
     returning id, name, agency_id, region_code, created_at, revoked_at`,
    [id],
  );
  if (revoked[0]) return { result: 'revoked', token: revoked[0] };
  const existing = await db.query<OfficerTokenInfo>(
    'select id, name, agency_id, region_code, created_at, revoked_at from officer_token where id = $1',
    [id],
  );
  return existing[0] ? { result: 'already-revoked', token: existing[0] } : { result: 'not-found' };
}

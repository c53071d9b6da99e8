/**
 * Browser-side helpers for the tests that need the application session in a real browser (its
 * own tests run in Node: packages/sdk/test/session): a session of ktp-el-hilang in Kota Surabaya
 * on the real API, complete answers and files.
 */
import { type ApplicationSession, createApplicationSession, type SessionStorage } from '@loket/sdk/session';
import { inject } from 'vitest';
import { loketCore } from '../src/utils/client';

export const SERVICE = 'ktp-el-hilang';
export const REGION = '35.78';

const sessions = new Set<ApplicationSession>();

/** A session on the real API; disposed by `disposeSessions()` (call it in afterEach). */
export function openSession(storage: SessionStorage): ApplicationSession {
  const core = loketCore(inject('apiBase'), REGION, 'id');
  const session = createApplicationSession({ core, service: SERVICE, region: REGION, storage });
  sessions.add(session);
  return session;
}

export function disposeSessions(): void {
  for (const session of sessions) session.dispose();
  sessions.clear();
}

export { fillIn, pdfFile, person } from '../../sdk/test/session/fill-in';

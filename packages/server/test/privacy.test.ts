import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createOfficerToken } from '../src/applications/officer-tokens.js';
import { loadNationalComplaintChannels } from '../src/complaints.js';
import type { Db } from '../src/db/index.js';
import { loggerOptions, serializeError } from '../src/logging.js';
import { createTestDb } from './helpers/db.js';

const personal = { nama_lengkap: 'Siti Aminah Rahayu', nik: '3374015708900001', telepon: '081298765432' };

describe('logs', () => {
  let db: Db;
  let lines: string[];
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    db = await createTestDb();
    lines = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({
      db,
      nationalComplaintChannels: await loadNationalComplaintChannels(),
      logger: loggerOptions('trace', sink),
      responseCache: false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('never contain answers, secrets or officer tokens, even at trace level', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/applications',
      payload: { service: 'ktp-el-hilang', region: '33.74', answers: personal },
    });
    expect(created.statusCode).toBe(201);
    const { code, secret } = created.json() as { code: string; secret: string };
    const headers = { 'loket-secret': secret };
    await app.inject({ method: 'GET', url: `/v1/applications/${code}`, headers });
    await app.inject({
      method: 'POST',
      url: `/v1/applications/${code}/submit`,
      headers: { ...headers, 'idempotency-key': 'privacy-test-key-1' },
      payload: { declaration: true },
    });
    const { token } = await createOfficerToken(db, { name: 'Uji', agency: 'dukcapil', region: '33.74' });
    await app.inject({
      method: 'GET',
      url: '/v1/officer/applications',
      headers: { authorization: `Bearer ${token}` },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const value of [...Object.values(personal), secret, token]) expect(log).not.toContain(value);
  });

  it('keep what a database error says about its statement out of the log', () => {
    // The shape of a postgres.js error for a failed insert: it carries the statement and values.
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      query: 'insert into application (answers) values ($1)',
      parameters: [JSON.stringify(personal)],
      detail: `Key (nik)=(${personal.nik}) already exists.`,
      where: 'SQL function',
    });
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('23505');
    expect(logged).not.toContain(personal.nik);
    expect(logged).not.toContain('insert into');
  });
});

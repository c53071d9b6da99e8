import postgres from 'postgres';
import { seed } from '../src/catalogue/seed.js';
import { migrate } from '../src/db/index.js';
import { openPostgres } from '../src/db/postgres.js';

export const TEMPLATE = 'loket_test_template';

/**
 * On PostgreSQL, builds one migrated and seeded template database per run; each test file then
 * copies it (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 */
export default async function setup(): Promise<void> {
  // Registered for the server-postgres project only; runs in vitest's main process.
  const url = process.env.LOKET_TEST_DATABASE_URL;
  if (!url) throw new Error('LOKET_TEST_DATABASE_URL is not set');
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE}`);
  const db = openPostgres(withDatabase(url, TEMPLATE), { max: 1 });
  await migrate(db);
  await seed(db);
  await db.close();
  await admin.end();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

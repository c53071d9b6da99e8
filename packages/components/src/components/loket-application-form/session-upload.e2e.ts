import { memoryStorage } from '@loket/sdk/session';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { disposeSessions, openSession, pdfFile } from '../../../test/session';

// The application session's own tests run in Node (packages/sdk/test/session). Upload progress
// needs XMLHttpRequest, which only a browser has: it is checked here, through the session.

beforeAll(() => commands.allowOrigin('35.78', location.origin));
afterEach(() => disposeSessions());

it('an upload through the session reports its progress, ending at 1', async () => {
  const session = openSession(memoryStorage());
  await session.start();
  const progress: number[] = [];
  const attachment = await session.upload('surat_keterangan_kehilangan', pdfFile(), {
    onProgress: (p) => progress.push(p.percent),
  });
  expect(progress.at(-1)).toBe(1);
  expect(session.snapshot.answers).toEqual({ surat_keterangan_kehilangan: [attachment.id] });
});

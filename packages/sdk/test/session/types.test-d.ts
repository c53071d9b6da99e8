import { describe, expectTypeOf, it } from 'vitest';
import { type ApplicationStatus, type Attachment, createLoketCore } from '../../src/index.js';
import {
  type ApplicationKey,
  type ApplicationSession,
  createApplicationSession,
  memoryStorage,
  type SessionSnapshot,
} from '../../src/session/index.js';

const core = createLoketCore({ baseUrl: 'http://localhost:8080', region: '33.74' });
const pdf = new File(['%PDF-1.4'], 'surat.pdf', { type: 'application/pdf' });

describe('the application session', () => {
  it('binds one application of a service and region to a storage, and keeps its key and state', () => {
    const storage = memoryStorage();
    const session = createApplicationSession({ core, service: 'ktp-el-hilang', region: '33.74', storage });
    expectTypeOf(session).toEqualTypeOf<ApplicationSession>();
    expectTypeOf(session.snapshot).toEqualTypeOf<SessionSnapshot>();
    expectTypeOf(session.snapshot.key).toEqualTypeOf<ApplicationKey | null>();
    expectTypeOf(session.snapshot.submitted).toEqualTypeOf<ApplicationStatus | null>();
    expectTypeOf(session.start({ code: 'LKT-7K4M-Q2XP', secret: 's' })).resolves.toBeVoid();
    expectTypeOf(session.upload('surat', pdf)).resolves.toEqualTypeOf<Attachment>();
    expectTypeOf(session.submit()).resolves.toBeVoid();
    // @ts-expect-error the snapshot is read-only: change it through the session's methods
    session.snapshot = {} as SessionSnapshot;
    // @ts-expect-error the storage is always given (`null`: memory only)
    createApplicationSession({ core, service: 'ktp-el-hilang', region: '33.74' });
    // @ts-expect-error an answer is a string, number, boolean or string list
    session.setAnswer('tanggal', new Date());
  });
});

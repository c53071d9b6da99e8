import { describe, expectTypeOf, it } from 'vitest';
import { get, send } from '../src/core.js';
import { createLoketCore, type Service, type ServiceList } from '../src/index.js';
import type { JsonAnswer, PathOf, PathParams } from '../src/routes.js';

// The operations name their requests by path template and method, typed against the generated
// `paths` of openapi/loket.yaml: what the contract does not have does not type-check.
const core = createLoketCore({ baseUrl: 'http://localhost:8080' });

describe('paths', () => {
  it('are the contract’s, per method', () => {
    expectTypeOf<'/v1/services/{slug}'>().toExtend<PathOf<'get'>>();
    expectTypeOf<'/v1/applications/{code}'>().toExtend<PathOf<'patch'>>();
    expectTypeOf<'/v1/servicez'>().not.toExtend<PathOf<'get'>>();
    expectTypeOf<'/v1/services'>().not.toExtend<PathOf<'delete'>>();
    expectTypeOf<PathParams<'delete', '/v1/applications/{code}/attachments/{attachmentId}'>>().toEqualTypeOf<{
      code: string;
      attachmentId: string;
    }>();
    expectTypeOf<JsonAnswer<'get', '/v1/services/{slug}'>>().toEqualTypeOf<Service>();
    expectTypeOf(get(core, '/v1/services', {})).resolves.toEqualTypeOf<ServiceList>();
  });

  it('reject a path the contract does not have, or a method it does not allow there', () => {
    // @ts-expect-error not a path of the contract
    get(core, '/v1/servicez', {}, undefined, {});
    // @ts-expect-error a path without its leading slash
    get(core, 'v1/services', {}, undefined, {});
    // @ts-expect-error the catalogue is read-only
    send(core, '/v1/services/{slug}', { method: 'delete', path: { slug: 'skck' } });
    // @ts-expect-error an application is saved with PATCH, not PUT
    send(core, '/v1/applications/{code}', { method: 'put', path: { code: 'LKT-7K4M-Q2XP' } });
    // @ts-expect-error there is no GET of the collection of applications
    get(core, '/v1/applications', {}, undefined, {});
  });

  it('require the path parameters, query and body the contract names', () => {
    // @ts-expect-error the slug is missing
    get(core, '/v1/services/{slug}', {});
    // @ts-expect-error the parameter is `slug`, not `id`
    get(core, '/v1/services/{slug}', {}, undefined, { path: { id: 'skck' } });
    // @ts-expect-error listServices has no `search` parameter
    get(core, '/v1/services', { search: 'ktp' });
    const submit = {
      method: 'post',
      path: { code: 'LKT-7K4M-Q2XP' },
      json: { declaration: false },
    } as const;
    // @ts-expect-error the declaration must be true
    send(core, '/v1/applications/{code}/submit', submit);
    // @ts-expect-error a GET has no body
    get(core, '/v1/services', {}, undefined, { json: { q: 'ktp' } });
  });
});

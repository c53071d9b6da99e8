import type { paths } from './openapi.js';

// The contract's operations as a method and a path template (`'get', '/v1/services/{slug}'`),
// typed against the generated `paths`: a path the contract does not have, a method it does not
// allow there, a missing path parameter or a body of the wrong shape does not type-check.

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths of openapi/loket.yaml that have an operation for `method`. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

/** The generated operation at `method` and `path`. */
type Operation<M extends Method, P extends PathOf<M>> = paths[P][M] & {};

/** The path parameters (`{ slug }`, `{ code, attachmentId }`), as the contract names them. */
export type PathParams<M extends Method, P extends PathOf<M>> = NonNullable<
  Operation<M, P>['parameters']['path']
>;

/** The query parameters. */
export type QueryParams<M extends Method, P extends PathOf<M>> = NonNullable<
  Operation<M, P>['parameters']['query']
>;

/** The JSON request body; `never` when the operation takes none. */
export type JsonBody<M extends Method, P extends PathOf<M>> = JsonOf<Operation<M, P>['requestBody']>;

type JsonOf<Content> = [Content & {}] extends [never]
  ? never
  : Content extends { content: { 'application/json': infer T } }
    ? T
    : never;

type Responses<M extends Method, P extends PathOf<M>> = Operation<M, P>['responses'];

/** The JSON body of the `200` answer. */
export type JsonAnswer<M extends Method, P extends PathOf<M>> = JsonOf<
  Responses<M, P>[200 & keyof Responses<M, P>]
>;

/** `{ path }` when the operation has path parameters; nothing otherwise. */
export type PathOption<M extends Method, P extends PathOf<M>> = [PathParams<M, P>] extends [never]
  ? { path?: undefined }
  : { path: PathParams<M, P> };

/**
 * `path` relative to the client's `baseUrl`, each `{name}` replaced by its encoded value from
 * `params`, so that a value cannot leave its path segment.
 */
export const expand = (path: string, params?: object) =>
  path.slice(1).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((params as never)[name]));

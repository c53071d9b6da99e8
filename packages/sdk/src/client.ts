import type { AnyRequestOptions, Conditional, Core, LoketResult, RequestOptions } from './core.js';
import {
  createHttp,
  createLoketCore,
  type LoketClientOptions,
  type LoketOfficerClientOptions,
} from './http.js';
import * as citizen from './operations/citizen.js';
import * as officer from './operations/officer.js';
import * as webhooks from './operations/webhooks.js';
import { paginateOfficerApplications, paginateRegions, paginateServices } from './pagination.js';
import type {
  ListOfficerApplicationsQuery,
  ListRegionsQuery,
  ListServicesQuery,
  OfficerApplication,
  Region,
  ServiceSummary,
} from './types.js';

// The clients are derived from the operations, the way openapi-fetch derives its verbs from one
// core: every function of operations/citizen.ts (and officer.ts) becomes a method of the same
// name, with the same parameters minus the core, and the same documentation.

type SignalOnly = Pick<RequestOptions, 'signal'>;

/** An operation: a function of the core, then the call's own arguments. */
type Operation = (core: Core, ...args: never[]) => unknown;

/** An operation that `{ ifNoneMatch }` makes conditional: its result depends on its options' type. */
type ConditionalOperation<A extends unknown[], T> = <O extends AnyRequestOptions = RequestOptions>(
  core: Core,
  ...args: [...A, options?: O]
) => Promise<LoketResult<T, O>>;

/** An operation as a method: the core bound, everything else (the generic options too) as it is. */
type Method<F> =
  F extends ConditionalOperation<infer A, infer T>
    ? <O extends AnyRequestOptions = RequestOptions>(
        ...args: [...A, options?: O]
      ) => Promise<LoketResult<Plain<T>, O>>
    : F extends (core: Core, ...args: infer A) => infer R
      ? (...args: A) => R
      : never;

/** The body alone: inferred from a generic operation, `T` is the body or its `Conditional`. */
type Plain<T> = Exclude<T, Conditional<unknown>>;

/** The methods of a set of operations. */
type Methods<Operations> = { [K in keyof Operations]: Method<Operations[K]> };

/** Every operation of `operations` bound to `core`. */
function bind<Operations extends Record<string, Operation>>(
  core: Core,
  operations: Operations,
): Methods<Operations> {
  const methods: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(operations)) {
    methods[name] = (...args: never[]) => operation(core, ...args);
  }
  return methods as Methods<Operations>;
}

/**
 * One method per catalogue, region, health and citizen operation of openapi/loket.yaml (the
 * officer operations are on `createLoketOfficerClient`): the functions of operations/citizen.ts
 * with the client's core bound. Every method takes an optional `{ signal }`; the catalogue,
 * region and form methods also take `{ ifNoneMatch }` for a conditional request.
 */
export interface LoketClient extends Methods<typeof citizen> {
  /** Async iterators over every item of the paginated lists. */
  readonly paginate: {
    services(
      query?: ListServicesQuery,
      options?: SignalOnly,
    ): AsyncGenerator<ServiceSummary, void, undefined>;
    regions(query?: ListRegionsQuery, options?: SignalOnly): AsyncGenerator<Region, void, undefined>;
  };
}

/** Creates a client for the Loket API at `options.baseUrl`. */
export function createLoketClient(options: LoketClientOptions): LoketClient {
  const core = createLoketCore(options);
  const client: LoketClient = {
    ...bind(core, citizen),
    paginate: {
      services: (query, callOptions) => paginateServices(client, query, callOptions),
      regions: (query, callOptions) => paginateRegions(client, query, callOptions),
    },
  };
  return client;
}

/**
 * The officer API: the queue of one agency in one region, status transitions and the agency's
 * webhooks; the functions of operations/officer.ts and webhooks.ts with the officer client's core bound.
 */
export interface LoketOfficerClient extends Methods<typeof officer>, Methods<typeof webhooks> {
  readonly paginate: {
    applications(
      query?: ListOfficerApplicationsQuery,
      options?: SignalOnly,
    ): AsyncGenerator<OfficerApplication, void, undefined>;
  };
}

/**
 * Creates a client for the officer API, separate from `createLoketClient` so that an officer's
 * token never travels with a citizen's requests. Same options, plus `token`, minus `region`.
 */
export function createLoketOfficerClient(options: LoketOfficerClientOptions): LoketOfficerClient {
  const { token } = options;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('createLoketOfficerClient needs a token (loket-server officer create).');
  }
  const headers = new Headers(options.headers);
  headers.set('authorization', `Bearer ${token}`);
  const core: Core = { http: createHttp({ ...options, headers }), region: undefined };
  const client: LoketOfficerClient = {
    ...bind(core, officer),
    ...bind(core, webhooks),
    paginate: {
      applications: (query, callOptions) => paginateOfficerApplications(client, query, callOptions),
    },
  };
  return client;
}

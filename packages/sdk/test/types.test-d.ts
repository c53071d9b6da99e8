import { describe, expectTypeOf, it } from 'vitest';
import {
  type Application,
  type ApplicationResult,
  type ApplicationStatus,
  type ApplicationStatusCode,
  type Attachment,
  type AttachmentResult,
  type CategoryList,
  type Conditional,
  type CreatedApplication,
  createLoketClient,
  createLoketOfficerClient,
  type DownloadedAttachment,
  type FormDefinition,
  isLoketApiError,
  type LifeEvent,
  type ListServicesQuery,
  type LoketApiError,
  type NoMatch,
  type OfficerApplication,
  type OfficerApplicationList,
  type Region,
  type RegionDetail,
  type Service,
  type ServiceList,
  type ServiceSummary,
  type SubmitResult,
  type UploadProgress,
} from '../src/index.js';

const client = createLoketClient({ baseUrl: 'http://localhost:8080', region: '33.74', locale: 'id' });

describe('return types', () => {
  it('resolve to the contract schemas', () => {
    expectTypeOf(client.getService('skck')).resolves.toEqualTypeOf<Service>();
    expectTypeOf(client.listServices({ q: 'ktp' })).resolves.toEqualTypeOf<ServiceList>();
    expectTypeOf(
      client.getRegion('33.74', {}, { signal: AbortSignal.timeout(1000) }),
    ).resolves.toEqualTypeOf<RegionDetail>();
    expectTypeOf<Service['fee']['amount_idr']>().toEqualTypeOf<number | null>();
    // An empty search says why, with the complaint route: only then, so optional.
    expectTypeOf<ServiceList['no_match']>().toEqualTypeOf<NoMatch | undefined>();
    expectTypeOf<NoMatch['kind']>().toEqualTypeOf<'complaint' | 'unknown'>();
  });

  it('become a Conditional only when ifNoneMatch is given', () => {
    expectTypeOf(client.getService('skck', {}, { ifNoneMatch: '"v1"' })).resolves.toEqualTypeOf<
      Conditional<Service>
    >();
    expectTypeOf(client.getService('skck', {}, { ifNoneMatch: null })).resolves.toEqualTypeOf<
      Conditional<Service>
    >();
    const etag: string | null = null;
    expectTypeOf(client.listServices({}, { ifNoneMatch: etag })).resolves.toEqualTypeOf<
      Conditional<ServiceList>
    >();
    // An etag that may be undefined gives either shape, as at runtime: narrow it, or pass null.
    const maybe = undefined as string | undefined;
    expectTypeOf(client.getService('skck', {}, { ifNoneMatch: maybe })).resolves.toEqualTypeOf<
      Service | Conditional<Service>
    >();
    const options: { signal?: AbortSignal; ifNoneMatch?: string } = {};
    expectTypeOf(client.listCategories({}, options)).resolves.toEqualTypeOf<
      CategoryList | Conditional<CategoryList>
    >();
    expectTypeOf(
      client.listCategories({}, { ifNoneMatch: undefined }),
    ).resolves.toEqualTypeOf<CategoryList>();
    expectTypeOf(client.getLifeEvent('kelahiran', {}, { ifNoneMatch: etag })).resolves.toEqualTypeOf<
      Conditional<LifeEvent>
    >();
    // @ts-expect-error the health checks are not cacheable
    client.getLiveness({ ifNoneMatch: '"v1"' });
  });

  it('narrow a Conditional by notModified', async () => {
    const result = await client.getService('skck', {}, { ifNoneMatch: '"v1"' });
    if (result.notModified) expectTypeOf(result.data).toEqualTypeOf<undefined>();
    else expectTypeOf(result.data).toEqualTypeOf<Service>();
  });

  it('yield items from the paginators', () => {
    expectTypeOf(client.paginate.services()).toEqualTypeOf<AsyncGenerator<ServiceSummary, void, undefined>>();
    expectTypeOf(client.paginate.regions()).toEqualTypeOf<AsyncGenerator<Region, void, undefined>>();
  });
});

describe('ListServicesQuery', () => {
  it('takes the contract parameters, with limit as a number', () => {
    expectTypeOf<ListServicesQuery['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListServicesQuery['channel']>().toEqualTypeOf<
      'mpp' | 'online' | 'agency_office' | undefined
    >();
    expectTypeOf<ListServicesQuery['region']>().toEqualTypeOf<string | null | undefined>();
    client.listServices({
      q: 'bikin ktp',
      region: null,
      channel: 'online',
      limit: 10,
      lang: 'en',
      cursor: 'x',
    });
  });

  it('rejects unknown parameters and wrong values', () => {
    // @ts-expect-error not a parameter of listServices
    client.listServices({ search: 'ktp' });
    // @ts-expect-error not a Channel
    client.listServices({ channel: 'fax' });
    // @ts-expect-error limit is a number
    client.listServices({ limit: '20' });
    // @ts-expect-error lang is id or en
    client.listServices({ lang: 'fr' });
    // @ts-expect-error listRegions has no region filter
    client.listRegions({ region: '33' });
  });

  it('rejects unknown call options', () => {
    // @ts-expect-error not a call option
    client.getService('skck', {}, { cache: true });
  });
});

describe('client options', () => {
  it('require a baseUrl and a known locale', () => {
    // @ts-expect-error baseUrl is required
    createLoketClient({});
    // @ts-expect-error locale is id or en
    createLoketClient({ baseUrl: 'http://x', locale: 'fr' });
  });
});

describe('isLoketApiError', () => {
  it('narrows unknown to LoketApiError', () => {
    const error: unknown = null;
    if (isLoketApiError(error)) {
      expectTypeOf(error).toEqualTypeOf<LoketApiError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.retryable).toEqualTypeOf<boolean>();
      expectTypeOf(error.errors).toEqualTypeOf<{ pointer: string; detail: string }[]>();
    }
  });
});

describe('citizen application operations', () => {
  const code = 'LKT-7K4M-Q2XP';
  const secret = 's3cr3t';
  const pdf = new Blob(['%PDF-1.4']);

  it('resolve to the contract schemas, with the ETag where a write needs it', () => {
    expectTypeOf(client.getServiceForm('ktp-el-hilang')).resolves.toEqualTypeOf<FormDefinition>();
    expectTypeOf(client.getServiceForm('ktp-el-hilang', {}, { ifNoneMatch: null })).resolves.toEqualTypeOf<
      Conditional<FormDefinition>
    >();
    expectTypeOf(client.createApplication({ service: 'ktp-el-hilang' })).resolves.toEqualTypeOf<
      ApplicationResult<CreatedApplication>
    >();
    expectTypeOf<CreatedApplication['secret']>().toEqualTypeOf<string>();
    expectTypeOf(client.getApplication(code, secret)).resolves.toEqualTypeOf<ApplicationResult>();
    expectTypeOf<ApplicationResult>().toEqualTypeOf<{ application: Application; etag: string }>();
    expectTypeOf(
      client.saveAnswers(code, secret, { nama: 'Siti', telepon: null }, '"v1"'),
    ).resolves.toEqualTypeOf<ApplicationResult<Application>>();
    expectTypeOf(
      client.uploadAttachment(code, secret, 'surat', pdf),
    ).resolves.toEqualTypeOf<AttachmentResult>();
    expectTypeOf<AttachmentResult['attachment']>().toEqualTypeOf<Attachment>();
    expectTypeOf(client.deleteAttachment(code, secret, 'id')).resolves.toEqualTypeOf<{ etag: string }>();
    expectTypeOf(
      client.submitApplication(code, secret, { declaration: true }),
    ).resolves.toEqualTypeOf<SubmitResult>();
    expectTypeOf<SubmitResult>().toEqualTypeOf<{
      status: ApplicationStatus;
      idempotencyKey: string;
      replayed: boolean;
    }>();
    expectTypeOf(
      client.withdrawApplication(code, secret, 'Sudah ketemu'),
    ).resolves.toEqualTypeOf<ApplicationStatus>();
    expectTypeOf(client.getApplicationStatus(code, secret)).resolves.toEqualTypeOf<ApplicationStatus>();
    expectTypeOf<ApplicationStatus['status']>().toEqualTypeOf<ApplicationStatusCode>();
  });

  it('take the options they document', () => {
    client.createApplication({
      service: 'ktp-el-hilang',
      region: '33.74',
      answers: { nama: 'Siti', umur: 30 },
    });
    client.uploadAttachment(code, secret, 'surat', pdf, {
      onProgress: (progress) => expectTypeOf(progress).toEqualTypeOf<UploadProgress>(),
      signal: AbortSignal.timeout(60_000),
      filename: 'surat.pdf',
      timeout: false,
    });
    client.submitApplication(code, secret, { declaration: true }, { idempotencyKey: 'k', retry: 0 });
  });

  it('reject what the contract rejects', () => {
    // @ts-expect-error the declaration must be true
    client.submitApplication(code, secret, { declaration: false });
    // @ts-expect-error the declaration is required
    client.submitApplication(code, secret, {});
    // @ts-expect-error service is required
    client.createApplication({ region: '33.74' });
    // @ts-expect-error an answer is a string, number, boolean or string list
    client.createApplication({ service: 'x', answers: { tanggal: new Date() } });
    // @ts-expect-error only a patch may hold null
    client.createApplication({ service: 'x', answers: { telepon: null } });
    // @ts-expect-error saving needs the ETag
    client.saveAnswers(code, secret, { nama: 'Siti' });
    // @ts-expect-error a file is a Blob
    client.uploadAttachment(code, secret, 'surat', 'surat.pdf');
    // @ts-expect-error not an upload option
    client.uploadAttachment(code, secret, 'surat', pdf, { retry: 2 });
    // @ts-expect-error not conditional
    client.getApplication(code, secret, { ifNoneMatch: '"v1"' });
  });
});

describe('officer client', () => {
  const officer = createLoketOfficerClient({ baseUrl: 'http://localhost:8080', token: 't', locale: 'en' });

  it('resolves to the officer schemas', () => {
    expectTypeOf(
      officer.listApplications({ status: 'submitted', overdue: true }),
    ).resolves.toEqualTypeOf<OfficerApplicationList>();
    expectTypeOf(officer.getApplication('LKT-7K4M-Q2XP')).resolves.toEqualTypeOf<OfficerApplication>();
    expectTypeOf(
      officer.downloadAttachment('LKT-7K4M-Q2XP', 'id'),
    ).resolves.toEqualTypeOf<DownloadedAttachment>();
    expectTypeOf<DownloadedAttachment['filename']>().toEqualTypeOf<string | null>();
    expectTypeOf(
      officer.transition('LKT-7K4M-Q2XP', { to: 'completed' }),
    ).resolves.toEqualTypeOf<OfficerApplication>();
    expectTypeOf(officer.paginate.applications()).toEqualTypeOf<
      AsyncGenerator<OfficerApplication, void, undefined>
    >();
  });

  it('is a separate client: a token, no region, no citizen operations', () => {
    // @ts-expect-error the token is required
    createLoketOfficerClient({ baseUrl: 'http://x' });
    // @ts-expect-error officers have no default region
    createLoketOfficerClient({ baseUrl: 'http://x', token: 't', region: '33.74' });
    // @ts-expect-error not an officer operation
    officer.submitApplication;
    // @ts-expect-error not a citizen operation
    client.transition;
    // @ts-expect-error officers cannot move an application back to draft
    officer.transition('LKT-7K4M-Q2XP', { to: 'draft' });
    // @ts-expect-error the queue's status filter is an ApplicationStatusCode
    officer.listApplications({ status: 'open' });
  });
});

// @ts-check
// The <loket-status-tracker> part of scripts/record-story-fixtures.mjs: real applications on the
// real server, moved through their statuses as a citizen and an officer would, and what the API
// answers about them, in stories/fixtures/tracker.<lang>.json (served by stories/msw/tracker.ts).
//
// For each language it starts a fresh server whose clock (`now`) is fixed, creates every
// application through the API (create, upload, save, submit), moves them on with an officer's
// token (transitions) or the citizen's withdrawal, and records `GET …/status` (and the withdrawal's
// answer). The rest is made deterministic: the random tracking codes become fixed ones, the secrets
// fixed ones, and the history's timestamps (the database's own clock) fixed times after the
// submission. Due dates and "overdue" come from the server itself, counted from the fixed clock.
import zlib from 'node:zlib';
import { requestKey } from '../stories/msw/request-key.mjs';

const REGION = '35.78'; // Kota Surabaya
const HOUR = 3_600_000;
/** Monday 23 November 2026, 09.00 WIB: every application is submitted then. */
const SUBMITTED = Date.parse('2026-11-23T02:00:00Z');
/** Friday 27 November 2026, 10.00 WIB: when the "overdue" application is looked at. */
const FOUR_DAYS_LATER = SUBMITTED + 4 * 24 * HOUR + HOUR;

/** A Surabaya resident (the NIK is well-formed for Surabaya, not a real person's). */
const person = { nama_lengkap: 'Siti Aminah', nik: '3578015505900001', telepon: '081234567890' };

const ktpAnswers = {
  ...person,
  tanggal_kehilangan: '2026-11-16',
  nomor_surat_kehilangan: 'SKH/1234/XI/2026/Restabes',
  pernyataan_benar: true,
};
const ktpFiles = ['surat_keterangan_kehilangan', 'kartu_keluarga'];

/** NIB through OSS: the same day (ktp-el-hilang: 1 working day), the due-date stories' service. */
const nibAnswers = {
  ...person,
  jenis_pelaku_usaha: 'perorangan',
  email: 'siti.aminah@example.org',
  nama_usaha: 'Warung Makan Bu Siti',
  uraian_kegiatan_usaha: 'Warung makan rumahan: nasi campur dan minuman.',
  lokasi_usaha: 'Jl. Contoh No. 1, Kecamatan Genteng, Kota Surabaya',
  modal_usaha: 15000000,
  jumlah_tenaga_kerja: 2,
  pernyataan_benar: true,
};

const inReview = { to: 'in_review' };

/**
 * What the stories show: one application per scenario. `code` is the fixed tracking code the
 * fixtures use; `moves` are the officer's transitions; `withdraw` is the citizen's withdrawal
 * (`record`: its own answer, as the withdraw story's; `before`: the status before it, too).
 */
const SCENARIOS = [
  { name: 'submitted', code: 'LKT-CNTH-0000-0001', service: 'ktp-el-hilang', moves: [] },
  { name: 'in_review', code: 'LKT-CNTH-0000-0002', service: 'ktp-el-hilang', moves: [inReview] },
  {
    name: 'needs_revision',
    code: 'LKT-CNTH-0000-0003',
    service: 'ktp-el-hilang',
    moves: [
      inReview,
      {
        to: 'needs_revision',
        public_note: 'Foto surat keterangan kehilangan buram dan NIK tidak terbaca. Unggah foto yang jelas.',
        fields: ['surat_keterangan_kehilangan', 'nik'],
      },
    ],
  },
  {
    name: 'completed',
    code: 'LKT-CNTH-0000-0004',
    service: 'ktp-el-hilang',
    moves: [
      inReview,
      {
        to: 'completed',
        public_note: 'KTP-el pengganti sudah dicetak. Ambil di loket Dukcapil dengan kode pelacakan ini.',
      },
    ],
  },
  {
    name: 'rejected',
    code: 'LKT-CNTH-0000-0005',
    service: 'ktp-el-hilang',
    moves: [
      inReview,
      {
        to: 'rejected',
        public_note: 'Surat keterangan kehilangan bukan untuk KTP-el. Ajukan lagi dengan surat yang sesuai.',
      },
    ],
  },
  {
    name: 'withdraw',
    code: 'LKT-CNTH-0000-0006',
    service: 'ktp-el-hilang',
    moves: [inReview],
    withdraw: 'record',
  },
  {
    name: 'withdrawn',
    code: 'LKT-CNTH-0000-0007',
    service: 'ktp-el-hilang',
    moves: [inReview],
    withdraw: 'after',
  },
  { name: 'due', code: 'LKT-CNTH-0000-0008', service: 'nib-oss', moves: [] },
  { name: 'overdue', code: 'LKT-CNTH-0000-0009', service: 'nib-oss', moves: [], lookAt: FOUR_DAYS_LATER },
];

/** A small, valid PNG (8×8, one colour), built here: the server checks the bytes. */
export function tinyPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (/** @type {Buffer} */ bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const size = 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(size).fill([11, 92, 173]).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array(size).fill(row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Records every scenario in `lang` on a fresh server from `startServer({ now })`; resolves to the
 * fixture file's content.
 * @param {(options: { now: () => Date }) => Promise<any>} startServer
 * @param {string} lang
 */
export async function recordTracker(startServer, lang) {
  let clock = SUBMITTED;
  const server = await startServer({ now: () => new Date(clock) });
  try {
    const api = apiOf(server, lang);
    const officer = { authorization: `Bearer ${await server.officerToken('dukcapil', REGION)}` };
    /** @type {Record<string, { code: string; secret: string }>} */
    const applications = {};
    /** @type {Record<string, { status: number; body: unknown }>} */
    const responses = {};
    let notFound;
    for (const scenario of SCENARIOS) {
      clock = SUBMITTED;
      const { code, secret } = await submitted(api, scenario.service);
      for (const move of scenario.moves) {
        clock += 26 * HOUR; // an officer's working day later
        await api.expect(200, 'POST', `/v1/officer/applications/${code}/transitions`, move, officer);
      }
      const status = async () =>
        (
          await api.expect(200, 'GET', `/v1/applications/${code}/status`, undefined, {
            'loket-secret': secret,
          })
        ).body;
      const fixed = (/** @type {unknown} */ body) => normalize(body, code, scenario.code);
      const statusKey = requestKey('GET', `/v1/applications/${scenario.code}/status`, []);
      if (scenario.withdraw) {
        clock += 3 * HOUR;
        if (scenario.withdraw === 'record')
          responses[statusKey] = { status: 200, body: fixed(await status()) };
        const withdrawn = (
          await api.expect(200, 'POST', `/v1/applications/${code}/withdraw`, {}, { 'loket-secret': secret })
        ).body;
        const withdrawKey = requestKey('POST', `/v1/applications/${scenario.code}/withdraw`, []);
        if (scenario.withdraw === 'record') responses[withdrawKey] = { status: 200, body: fixed(withdrawn) };
        else responses[statusKey] = { status: 200, body: fixed(await status()) };
      } else {
        if (scenario.lookAt) clock = scenario.lookAt;
        responses[statusKey] = { status: 200, body: fixed(await status()) };
      }
      applications[scenario.name] = {
        code: scenario.code,
        secret: `contoh-rahasia-${scenario.name.replace('_', '-')}`,
      };
      // A code with a wrong secret: the same 404 as an unknown code (the lookup's "tidak cocok").
      if (!notFound) {
        const wrong = await api.answer('GET', `/v1/applications/${code}/status`, undefined, {
          'loket-secret': `${secret}x`,
        });
        // Its detail names the code: the fixed one. The request id (`instance`) differs each run.
        const body = JSON.parse(JSON.stringify(wrong.body).replaceAll(code, scenario.code));
        notFound = { status: wrong.status, body: { ...body, instance: undefined } };
      }
    }
    if (notFound?.status !== 404) throw new Error(`a wrong secret answered ${notFound?.status}, not 404`);
    return { applications, responses: sorted(responses), notFound };
  } finally {
    await server.close();
  }
}

/** A new application of `service`, answered, with its files, and submitted. */
async function submitted(api, service) {
  const created = await api.expect(201, 'POST', '/v1/applications', { service, region: REGION });
  const { code, secret } = created.body;
  let etag = created.etag;
  const answers = service === 'nib-oss' ? { ...nibAnswers } : { ...ktpAnswers };
  if (service === 'ktp-el-hilang') {
    for (const field of ktpFiles) {
      const form = new FormData();
      form.append('field', field);
      form.append('file', new Blob([tinyPng()], { type: 'image/png' }), `${field}.png`);
      const upload = await api.multipart(`/v1/applications/${code}/attachments`, form, {
        'loket-secret': secret,
      });
      answers[field] = [upload.body.id];
      etag = upload.etag;
    }
  }
  await api.expect(
    200,
    'PATCH',
    `/v1/applications/${code}`,
    { answers },
    { 'loket-secret': secret, 'if-match': etag },
  );
  await api.expect(
    200,
    'POST',
    `/v1/applications/${code}/submit`,
    { declaration: true },
    {
      'loket-secret': secret,
      'idempotency-key': `story-${code}`,
    },
  );
  return { code, secret };
}

/**
 * The fixed code instead of the random one; the history at fixed times: the draft 15 minutes
 * before the submission, the submission, then one working day (26 h) per step after it, the
 * withdrawal 3 hours after the last.
 */
function normalize(body, realCode, fixedCode) {
  const copy = JSON.parse(JSON.stringify(body).replaceAll(realCode, fixedCode));
  let at = SUBMITTED;
  copy.history = copy.history.map((entry, i) => {
    if (i === 0) return { ...entry, at: iso(SUBMITTED - HOUR / 4) };
    if (i > 1) at += entry.status === 'withdrawn' ? 3 * HOUR : 26 * HOUR;
    return { ...entry, at: iso(at) };
  });
  return copy;
}

const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();

const sorted = (/** @type {Record<string, unknown>} */ map) =>
  Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Requests to `server` in `lang`, with the SDK's headers. */
function apiOf(server, lang) {
  const headers = { accept: 'application/json, application/problem+json', 'accept-language': lang };
  const answer = async (method, url, body, extra = {}) => {
    const response = await server.app.inject({
      method,
      url,
      headers: {
        ...headers,
        ...extra,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    return { status: response.statusCode, body: response.json(), etag: response.headers.etag };
  };
  const check = (got, status, what) => {
    if (got.status !== status) throw new Error(`${what} answered ${got.status}: ${JSON.stringify(got.body)}`);
    return got;
  };
  return {
    answer,
    /** The answer, or an error when its status is not `status`. */
    expect: async (status, method, url, body, extra) =>
      check(await answer(method, url, body, extra), status, `${method} ${url}`),
    async multipart(url, form, extra) {
      const encoded = new Response(form);
      const response = await server.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, ...extra, 'content-type': encoded.headers.get('content-type') },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
      const got = { status: response.statusCode, body: response.json(), etag: response.headers.etag };
      return check(got, 201, `POST ${url}`);
    },
  };
}

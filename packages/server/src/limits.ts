/** A number of events allowed per window; `max` 0 turns the limit off. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** Every limit against abuse, with the defaults documented in the README and docs/security.md. */
export interface Limits {
  /** Requests per client address and minute: catalogue, forms, documentation, health (GET, HEAD, OPTIONS). */
  reads: Limit;
  /** Writes per address: creating and saving applications, submitting, withdrawing, officer transitions. */
  writes: Limit;
  /** Status lookups and resumes per address (GET of an application or its status: secrets are tried here). */
  lookups: Limit;
  /** File uploads per address. */
  uploads: Limit;
  /** New drafts per address (on top of `writes`). */
  drafts: Limit;
  /** Wrong secrets per tracking code; then the code answers 429 to everyone until the window ends. */
  lockout: Limit;
  /** Survey responses per kiosk device per minute, and per day (each device counts on its own). */
  kioskPerMinute: Limit;
  kioskPerDay: Limit;
  /** "Lupa kode rahasia?" requests per client address (per hour). */
  recoveries: Limit;
  /** "Lupa kode rahasia?" requests per tracking code, whoever sends them (per hour). */
  recoveryPerCode: Limit;
  /** Officer sign-ins per client address (password and single sign-on), on top of `writes`. */
  signIns: Limit;
  /** Failed sign-ins per officer username; then that username answers 429 until the window ends. */
  signInLockout: Limit;
  /** Client addresses no rate limit applies to (a kiosk in an MPP, a monitoring probe). */
  allow: string[];
  /** The files of one application together, in bytes. */
  applicationBytes: number;
  /** Uploads are refused (507) while the uploads' file system has less free space than this, in bytes. */
  minFreeBytes: number;
}

const MINUTE = 60_000;
const MB = 1024 * 1024;

export const defaultLimits: Limits = {
  reads: { max: 1200, windowMs: MINUTE },
  writes: { max: 300, windowMs: MINUTE },
  lookups: { max: 120, windowMs: MINUTE },
  uploads: { max: 60, windowMs: MINUTE },
  drafts: { max: 100, windowMs: 60 * MINUTE },
  lockout: { max: 10, windowMs: 15 * MINUTE },
  kioskPerMinute: { max: 6, windowMs: MINUTE },
  kioskPerDay: { max: 600, windowMs: 24 * 60 * MINUTE },
  recoveries: { max: 10, windowMs: 60 * MINUTE },
  recoveryPerCode: { max: 3, windowMs: 60 * MINUTE },
  signIns: { max: 30, windowMs: 15 * MINUTE },
  signInLockout: { max: 5, windowMs: 15 * MINUTE },
  allow: [],
  applicationBytes: 50 * MB,
  minFreeBytes: 1024 * MB,
};

type Env = Record<string, string | undefined>;

/** The limits from the environment (`LOKET_LIMIT_*`, `LOKET_LOCKOUT_*`, …), defaults for what is unset. */
export function limitsFromEnv(
  env: Env,
  integer: (env: Env, name: string, fallback: number) => number,
): Limits {
  const d = defaultLimits;
  const per = (name: string, limit: Limit): Limit => ({ ...limit, max: integer(env, name, limit.max) });
  return {
    reads: per('LOKET_LIMIT_READS', d.reads),
    writes: per('LOKET_LIMIT_WRITES', d.writes),
    lookups: per('LOKET_LIMIT_LOOKUPS', d.lookups),
    uploads: per('LOKET_LIMIT_UPLOADS', d.uploads),
    drafts: per('LOKET_LIMIT_DRAFTS', d.drafts),
    lockout: {
      max: integer(env, 'LOKET_LOCKOUT_ATTEMPTS', d.lockout.max),
      windowMs: integer(env, 'LOKET_LOCKOUT_MINUTES', d.lockout.windowMs / MINUTE) * MINUTE,
    },
    kioskPerMinute: per('LOKET_KIOSK_PER_MINUTE', d.kioskPerMinute),
    kioskPerDay: per('LOKET_KIOSK_PER_DAY', d.kioskPerDay),
    recoveries: per('LOKET_LIMIT_RECOVERIES', d.recoveries),
    recoveryPerCode: per('LOKET_RECOVERY_PER_CODE', d.recoveryPerCode),
    signIns: per('LOKET_LIMIT_SIGNINS', d.signIns),
    signInLockout: {
      max: integer(env, 'LOKET_SIGNIN_LOCKOUT_ATTEMPTS', d.signInLockout.max),
      windowMs: integer(env, 'LOKET_SIGNIN_LOCKOUT_MINUTES', d.signInLockout.windowMs / MINUTE) * MINUTE,
    },
    allow: (env.LOKET_LIMIT_ALLOW ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    applicationBytes: integer(env, 'LOKET_APPLICATION_FILES_MB', d.applicationBytes / MB) * MB,
    minFreeBytes: integer(env, 'LOKET_UPLOADS_MIN_FREE_MB', d.minFreeBytes / MB) * MB,
  };
}

/**
 * `LOKET_TRUST_PROXY` as Fastify's `trustProxy`: a number of proxy hops, or the addresses and
 * CIDR ranges of the reverse proxies whose X-Forwarded-For is believed. Unset: none (the client
 * address is the connection's). `true` (every sender) is refused: anyone could then pick the
 * address their requests are counted under.
 */
export function trustProxyFromEnv(raw: string | undefined): number | string[] | false {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === '*') {
    throw new Error(
      'LOKET_TRUST_PROXY=true would let any client choose its address: list the reverse proxies (e.g. 10.0.0.5,10.0.1.0/24) or give a hop count',
    );
  }
  return value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

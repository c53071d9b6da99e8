// NIK (Nomor Induk Kependudukan), checked for structure only: PP KK CC DDMMYY SSSS.
// Structure: UU 23/2006 jo. UU 24/2013; Dukcapil (see /work/shared/data/README.md, "NIK").
// A NIK is personal data (UU 27/2022 PDP), not a secret: never log it, never use it to authenticate.
import { daysInMonth, resolveToday } from './date.js';

/**
 * The 38 province codes (Kemendagri, Kepmendagri on the codes and data of administrative
 * regions), checked against idn-area-data 4.0.1 `data/provinces.csv` (38 rows, same codes).
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    '11 12 13 14 15 16 17 18 19 21', // Sumatera, Kepulauan Riau
    '31 32 33 34 35 36', // Jawa
    '51 52 53', // Bali, Nusa Tenggara
    '61 62 63 64 65', // Kalimantan
    '71 72 73 74 75 76', // Sulawesi
    '81 82', // Maluku
    '91 92 93 94 95 96', // Papua
  ]
    .join(' ')
    .split(' '),
);

export type NikReason = 'length' | 'digits' | 'province' | 'date' | 'serial';

export type NikCheck =
  | {
      ok: true;
      /** `33` */
      provinceCode: string;
      /** `33.74`, the Kemendagri code of the kabupaten/kota where the NIK was first registered. */
      regencyCode: string;
      /** `33.74.01`, the kecamatan. */
      districtCode: string;
      /** `YYYY-MM-DD`; the century is a choice, see `checkNik`. */
      birthDate: string;
      sex: 'female' | 'male';
    }
  | { ok: false; reason: NikReason };

/**
 * Checks a NIK's structure: 16 digits (surrounding whitespace ignored); the first two a province
 * code; DDMMYY a real birth date, with 40 added to the day for women (41–71); a serial other than
 * 0000. The regency and district codes are not looked up.
 *
 * The NIK holds only two digits of the year. The century is the latest one that does not put the
 * birth date after `today` (default: today in Asia/Jakarta): on 2025-06-01, `…010525…` is
 * 2025-05-01 and `…020625…` 1925-06-02. So a person over 100 gets a birth date a century late;
 * the check never depends on that, except for 29 February (2000 is a leap year, 1900 is not).
 */
export function checkNik(value: string, options: { today?: string } = {}): NikCheck {
  const nik = value.trim();
  if (!/^\d*$/.test(nik)) return { ok: false, reason: 'digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };
  const province = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return { ok: false, reason: 'province' };

  const coded = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = nik.slice(10, 12);
  const sex = coded > 40 ? 'female' : 'male';
  const day = sex === 'female' ? coded - 40 : coded;
  if (day < 1 || day > 31 || month < 1 || month > 12) return { ok: false, reason: 'date' };
  const monthDay = `${nik.slice(8, 10)}-${String(day).padStart(2, '0')}`;
  const recent = `20${yy}-${monthDay}`;
  const birthDate = recent <= resolveToday(options.today) ? recent : `19${yy}-${monthDay}`;
  if (day > daysInMonth(Number(birthDate.slice(0, 4)), month)) return { ok: false, reason: 'date' };

  if (nik.slice(12) === '0000') return { ok: false, reason: 'serial' };
  return {
    ok: true,
    provinceCode: province,
    regencyCode: `${province}.${nik.slice(2, 4)}`,
    districtCode: `${province}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDate,
    sex,
  };
}

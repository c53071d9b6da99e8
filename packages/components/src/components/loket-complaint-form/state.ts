import type { ComplaintCategory, ComplaintChannelList, CreatedComplaint, FiledComplaint } from '@loket/sdk';
import type { Locale } from '../../i18n';
import type { NewsReach } from './news';

/** What the citizen types. */
export interface Values {
  category: ComplaintCategory | '';
  description: string;
  name: string;
  email: string;
  phone: string;
  notify: ('email' | 'phone')[];
  /** The lookup's complaint code and secret. */
  code: string;
  secret: string;
}

/** The form's whole state: one object, so the lazy loader lists one member for it. */
export interface ComplaintState {
  locale: Locale;
  view: 'closed' | 'form' | 'filed' | 'lookup' | 'found';
  busy: boolean;
  channels: ComplaintChannelList | null;
  /** What the server said news can reach (POST /v1/news-channels); null until it has. */
  news: NewsReach | null;
  values: Values;
  errors: Partial<Record<keyof Values, string>>;
  /** A problem not about one field (the network, a refused request). */
  problem: string | null;
  filed: CreatedComplaint | null;
  found: FiledComplaint | null;
  announcement: string;
}

export const emptyValues = (): Values => ({
  category: '',
  description: '',
  name: '',
  email: '',
  phone: '',
  notify: [],
  code: '',
  secret: '',
});

const emailLike = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The problems the citizen can fix before sending (the server checks again). */
export function checkComplaint(
  v: Values,
  t: { needCategory: string; needDescription: string; badEmail: string },
) {
  const errors: Partial<Record<keyof Values, string>> = {};
  if (!v.category) errors.category = t.needCategory;
  if (v.description.trim().length < 10) errors.description = t.needDescription;
  if (v.email.trim() && !emailLike.test(v.email.trim())) errors.email = t.badEmail;
  return errors;
}

import {
  type AnswerValue,
  type FormDefinition,
  getNewsChannels,
  type LoketCore,
  type NotifyChannels,
} from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../i18n';
import type { EndMessages } from './messages/later';

type Channel = NotifyChannels[number];

/** The e-mail and phone answers news can go to (the form's first question of each type). */
export function contactsOf(
  form: FormDefinition | null | undefined,
  answers: Record<string, AnswerValue>,
): Record<Channel, string | null> {
  const fields = form?.steps.flatMap((s) => s.fields) ?? [];
  const answer = (type: Channel) => {
    const field = fields.find((f) => f.type === type);
    const value = field ? answers[field.id] : undefined;
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  return { email: answer('email'), phone: answer('phone') };
}

/**
 * News on check your answers: whether e-mail can get it (`email`: the server sends e-mail; assumed
 * until the server says) and the phone (`phone`: the region's gateway takes news about
 * applications to the service's agency), and the channels the citizen ticked.
 */
export interface NewsState {
  email: boolean;
  phone: boolean;
  chosen: NotifyChannels;
}

/**
 * Whether news can reach the citizen by e-mail and by phone for an application to `agency` in
 * `region` (`GET /v1/news-channels`: the server sends e-mail; an enabled webhook endpoint of the
 * agency covers the region). Loaded on demand (news-check.ts), out of the form's first load. A
 * slow network gives up after 5 s, so check your answers, which waits for it, never waits longer.
 */
export const reachable = (
  core: LoketCore,
  region: string,
  agency: string,
): Promise<{ email: boolean; phone: boolean }> =>
  getNewsChannels(core, { region, agency }, { signal: AbortSignal.timeout(5_000) }).then(
    ({ email, phone }) => ({
      email,
      phone,
    }),
  );

/** `+6281234567890` as people write it at home: `0812 3456 7890`. */
const homePhone = (phone: string) => phone.replace(/^\+62/, '0').replace(/^(\d{4})(\d{4})(\d+)$/, '$1 $2 $3');

interface NewsChoiceProps extends NewsState {
  t: EndMessages;
  contacts: Record<Channel, string | null>;
  onChoose(channels: NotifyChannels): void;
}

/**
 * "Kabar tentang permohonan ini": the citizen opts into news by e-mail and/or phone, each box
 * unticked until they tick it, and only for a contact they gave; e-mail only where the server
 * sends it (`email`), the phone only where the region's gateway takes it (`phone`). Shown on
 * check your answers.
 */
export const NewsChoice: FunctionalComponent<NewsChoiceProps> = ({
  t,
  contacts,
  chosen,
  email,
  phone,
  onChoose,
}) => {
  const channels = (['email', 'phone'] as const).filter(
    (c) => contacts[c] && (c === 'email' ? email : phone),
  );
  if (channels.length === 0) return null;
  const toggle = (channel: Channel, on: boolean) =>
    onChoose((['email', 'phone'] as const).filter((c) => (c === channel ? on : chosen.includes(c))));
  return (
    <fieldset class="field news" part="news" aria-describedby="loket-news-hint">
      <legend>
        <h3>{t.check.newsTitle}</h3>
      </legend>
      <p class="hint" id="loket-news-hint">
        {t.check.newsHint}
      </p>
      {channels.map((channel) => {
        const id = `loket-news-${channel}`;
        const value = contacts[channel] ?? '';
        const label =
          channel === 'email'
            ? fill(t.check.newsEmail, { email: value })
            : fill(t.check.newsPhone, { phone: homePhone(value) });
        return (
          <div class="choice">
            <input
              type="checkbox"
              id={id}
              class="tick"
              checked={chosen.includes(channel)}
              aria-describedby={channel === 'phone' ? `${id}-hint` : undefined}
              onChange={(e: Event) => toggle(channel, (e.target as HTMLInputElement).checked)}
            />
            <label htmlFor={id}>{label}</label>
            {channel === 'phone' && (
              <p class="hint" id={`${id}-hint`}>
                {t.check.newsPhoneHint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
};

import type { AnswerValue, FormDefinition, NotifyChannels } from '@loket/sdk';
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

/** `+6281234567890` as people write it at home: `0812 3456 7890`. */
const homePhone = (phone: string) => phone.replace(/^\+62/, '0').replace(/^(\d{4})(\d{4})(\d+)$/, '$1 $2 $3');

interface NewsChoiceProps {
  t: EndMessages;
  contacts: Record<Channel, string | null>;
  chosen: NotifyChannels;
  onChoose(channels: NotifyChannels): void;
}

/**
 * "Kabar tentang permohonan ini": the citizen opts into news by e-mail and/or phone, each box
 * unticked until they tick it, and only for a contact they gave. Shown on check your answers.
 */
export const NewsChoice: FunctionalComponent<NewsChoiceProps> = ({ t, contacts, chosen, onChoose }) => {
  const channels = (['email', 'phone'] as const).filter((c) => contacts[c]);
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

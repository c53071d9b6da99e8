import type { OfficerAccount, OfficerRole } from '@loket/sdk';
import { type FunctionalComponent, h } from '@stencil/core';
import { fill } from '../../../src/i18n';
import type { DeskMessages } from '../../messages';

export const allRoles: OfficerRole[] = ['officer', 'supervisor', 'admin'];

type Form = (form: HTMLFormElement) => void;

/** The role checkboxes (named `role`), ticked as given. */
const RoleBoxes: FunctionalComponent<{ t: DeskMessages; id: string; ticked: string[] }> = ({
  t,
  id,
  ticked,
}) => (
  <fieldset class="roles">
    <legend>{t.admin.roles}</legend>
    {allRoles.map((role) => (
      <label class="check" htmlFor={`${id}-${role}`}>
        <input
          type="checkbox"
          id={`${id}-${role}`}
          name="role"
          value={role}
          checked={ticked.includes(role)}
        />{' '}
        {t.admin.role[role]}
      </label>
    ))}
  </fieldset>
);

const submitted = (run: Form) => (event: Event) => {
  event.preventDefault();
  run(event.target as HTMLFormElement);
};

/** The accounts the admin manages, each with its actions; one row's roles or password open for editing. */
export const Accounts: FunctionalComponent<{
  t: DeskMessages;
  list: OfficerAccount[];
  me: string;
  editing: string | null;
  onSwitch: (a: OfficerAccount) => void;
  onTotp: (a: OfficerAccount) => void;
  onEdit: (username: string | null) => void;
  onRoles: (a: OfficerAccount, form: HTMLFormElement) => void;
  onPassword: (a: OfficerAccount, form: HTMLFormElement) => void;
}> = ({ t, list, me, editing, onSwitch, onTotp, onEdit, onRoles, onPassword }) => (
  <table part="table" aria-labelledby="desk-admin-accounts">
    <thead>
      <tr>
        <th scope="col">{t.admin.username}</th>
        <th scope="col">{t.admin.name}</th>
        <th scope="col">{t.admin.region}</th>
        <th scope="col">{t.admin.roles}</th>
        <th scope="col">{t.admin.totp}</th>
        <th scope="col">{t.admin.status}</th>
        <th scope="col">{t.admin.actions}</th>
      </tr>
    </thead>
    <tbody>
      {list.map((a) => (
        <tr class={{ off: a.disabled_at !== null }}>
          <th scope="row">{a.username}</th>
          <td>{a.name}</td>
          <td>{a.region}</td>
          <td>
            {editing === `roles:${a.username}` ? (
              <form noValidate onSubmit={submitted((form) => onRoles(a, form))}>
                <RoleBoxes t={t} id={`desk-roles-${a.username}`} ticked={a.roles} />
                <button type="submit">{t.admin.saveRoles}</button>{' '}
                <button type="button" class="secondary" onClick={() => onEdit(null)}>
                  {t.admin.cancel}
                </button>
              </form>
            ) : (
              a.roles.map((r) => t.admin.role[r]).join(', ')
            )}
          </td>
          <td>{a.totp ? t.admin.yes : t.admin.no}</td>
          <td>{a.disabled_at ? t.admin.disabled : t.admin.active}</td>
          <td>
            <div class="actions">
              {a.username !== me && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${a.disabled_at ? t.admin.enable : t.admin.disable} ${a.username}`}
                  onClick={() => onSwitch(a)}
                >
                  {a.disabled_at ? t.admin.enable : t.admin.disable}
                </button>
              )}
              <button
                type="button"
                class="secondary"
                aria-label={`${t.admin.resetTotp} ${a.username}`}
                onClick={() => onTotp(a)}
              >
                {t.admin.resetTotp}
              </button>
              {editing !== `roles:${a.username}` && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t.admin.editRoles} ${a.username}`}
                  onClick={() => onEdit(`roles:${a.username}`)}
                >
                  {t.admin.editRoles}
                </button>
              )}
              {a.username !== me && editing !== `password:${a.username}` && (
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t.admin.setPassword} ${a.username}`}
                  onClick={() => onEdit(`password:${a.username}`)}
                >
                  {t.admin.setPassword}
                </button>
              )}
            </div>
            {editing === `password:${a.username}` && (
              <NewPassword t={t} account={a} onCancel={() => onEdit(null)} onSubmit={onPassword} />
            )}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** A new password for another account (`officers set-password`): its sessions end. */
const NewPassword: FunctionalComponent<{
  t: DeskMessages;
  account: OfficerAccount;
  onCancel: () => void;
  onSubmit: (a: OfficerAccount, form: HTMLFormElement) => void;
}> = ({ t, account, onCancel, onSubmit }) => {
  const id = `desk-password-${account.username}`;
  return (
    <form class="inline" noValidate onSubmit={submitted((form) => onSubmit(account, form))}>
      <label htmlFor={id}>{fill(t.admin.newPassword, { username: account.username })}</label>
      <p class="hint" id={`${id}-hint`}>
        {t.password.nextHint}
      </p>
      <input
        id={id}
        name="password"
        type="password"
        autoComplete="new-password"
        aria-describedby={`${id}-hint`}
        required
      />
      <button type="submit">{t.admin.savePassword}</button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t.admin.cancel}
      </button>
    </form>
  );
};

/** Adding an account: what `officers add` asks for, the agency being the admin's. */
export const NewAccount: FunctionalComponent<{ t: DeskMessages; region: string; onSubmit: Form }> = ({
  t,
  region,
  onSubmit,
}) => (
  <form class="add" noValidate aria-labelledby="desk-admin-add" onSubmit={submitted(onSubmit)}>
    <h3 id="desk-admin-add">{t.admin.addAccount}</h3>
    <label htmlFor="desk-new-username">{t.admin.username}</label>
    <input id="desk-new-username" name="username" autoComplete="off" required />
    <label htmlFor="desk-new-name">{t.admin.name}</label>
    <input id="desk-new-name" name="name" autoComplete="off" required />
    <label htmlFor="desk-new-region">{t.admin.region}</label>
    <input id="desk-new-region" name="region" value={region} inputMode="decimal" required />
    <RoleBoxes t={t} id="desk-new-role" ticked={['officer']} />
    <label htmlFor="desk-new-password">{t.admin.password}</label>
    <p class="hint" id="desk-new-password-hint">
      {t.admin.passwordHint}
    </p>
    <input
      id="desk-new-password"
      name="password"
      type="password"
      autoComplete="new-password"
      aria-describedby="desk-new-password-hint"
    />
    <label class="check" htmlFor="desk-new-totp">
      <input type="checkbox" id="desk-new-totp" name="totp" checked /> {t.admin.withTotp}
    </label>
    <button type="submit">{t.admin.addAccount}</button>
  </form>
);

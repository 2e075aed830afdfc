import type { ConsoleUser } from '../../storage/repositories/consoleUserRepository';
import {
  type Banner,
  buttonForm,
  csrfField,
  errorFor,
  type FieldError,
  select,
  summaryList,
  tag,
  textInput,
} from './components';
import { formatDateTime } from './formatTime';
import { html, type SafeHtml } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

export function renderUsersPage(frame: PageFrame, users: readonly ConsoleUser[], banner?: Banner): string {
  return renderPage(frame, {
    title: 'Accounts',
    current: 'users',
    width: 'full',
    banner,
    body: html`<h1 class="govuk-heading-l">Accounts</h1>
      <a href="/console/users/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button"
        >Create an account</a
      >
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">
          Console accounts (${users.length})
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Name</th>
            <th scope="col" class="govuk-table__header">Email</th>
            <th scope="col" class="govuk-table__header">Role</th>
            <th scope="col" class="govuk-table__header">Status</th>
            <th scope="col" class="govuk-table__header">Last signed in</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${users.map(
            (user) =>
              html`<tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href="/console/users/${user._id}">${user.displayName}</a>
                </td>
                <td class="govuk-table__cell">${user.email}</td>
                <td class="govuk-table__cell">${roleName(user.role)}</td>
                <td class="govuk-table__cell">${statusTag(user)}</td>
                <td class="govuk-table__cell">
                  ${user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  });
}

export interface NewUserForm {
  displayName?: string;
  email?: string;
  role?: string;
  wardId?: string;
  /** The wards a councillor can represent, from `knowledge/wards.yaml`. */
  wards: ReadonlyArray<{ id: string; name: string }>;
  errors?: readonly FieldError[];
}

export function renderNewUserPage(frame: PageFrame, form: NewUserForm): string {
  const errors = form.errors ?? [];
  return renderPage(frame, {
    title: 'Create an account',
    current: 'users',
    errors,
    body: html`<a href="/console/users" class="govuk-back-link">Back to accounts</a>
      <h1 class="govuk-heading-l">Create an account</h1>
      <form method="post" action="/console/users" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        ${textInput({ id: 'displayName', name: 'displayName', label: 'Name', hint: 'Residents see the first word of it on CSAs’ messages.', value: form.displayName, error: errorFor(errors, 'displayName'), autocomplete: 'off' })}
        ${textInput({ id: 'email', name: 'email', label: 'Email address', type: 'email', value: form.email, error: errorFor(errors, 'email'), spellcheck: false, autocomplete: 'off' })}
        ${roleRadios(form.role ?? 'csa', errorFor(errors, 'role'), true)}
        ${select({
          id: 'wardId',
          name: 'wardId',
          label: 'Ward',
          hint: 'For a councillor: the ward they represent. Leave it for CSAs and supervisors.',
          error: errorFor(errors, 'wardId'),
          options: [
            { value: '', text: 'Not a councillor', selected: !form.wardId },
            ...form.wards.map((ward) => ({ value: ward.id, text: ward.name, selected: form.wardId === ward.id })),
          ],
        })}
        ${textInput({ id: 'password', name: 'password', label: 'One-time password (optional)', hint: 'Leave empty to generate one. Either way it works once: they choose their own when they first sign in.', type: 'password', error: errorFor(errors, 'password'), autocomplete: 'new-password' })}
        <button type="submit" class="govuk-button" data-module="govuk-button">Create account</button>
      </form>`,
  });
}

/** Shown once, right after a password was set for someone: it is never stored or shown again. */
export function renderOneTimePasswordPage(
  frame: PageFrame,
  outcome: { user: ConsoleUser; password: string; created: boolean },
): string {
  return renderPage(frame, {
    title: outcome.created ? 'Account created' : 'Password reset',
    current: 'users',
    body: html`<div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">${outcome.created ? 'Account created' : 'Password reset'}</h1>
        <div class="govuk-panel__body">for ${outcome.user.displayName}</div>
      </div>
      <p class="govuk-body">
        Give ${outcome.user.displayName} (${outcome.user.email}) this one-time password in person or by phone. It is
        shown only now.
      </p>
      ${summaryList([{ key: 'One-time password', value: html`<code class="console-quote">${outcome.password}</code>` }])}
      <p class="govuk-body">They must choose their own password when they first sign in.</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/console/users/${outcome.user._id}"
          >Back to ${outcome.user.displayName}’s account</a
        >
      </p>`,
  });
}

export function renderUserPage(
  frame: PageFrame,
  user: ConsoleUser,
  options: { me: string; errors?: readonly FieldError[]; banner?: Banner; wardName?: string },
): string {
  const errors = options.errors ?? [];
  const csrf = frame.csrfToken ?? '';
  return renderPage(frame, {
    title: user.displayName,
    current: 'users',
    errors,
    banner: options.banner,
    body: html`<a href="/console/users" class="govuk-back-link">Back to accounts</a>
      <h1 class="govuk-heading-l">${user.displayName}</h1>
      ${summaryList([
        { key: 'Email address', value: user.email },
        { key: 'Role', value: roleName(user.role) },
        ...(user.wardId ? [{ key: 'Ward', value: options.wardName ?? user.wardId }] : []),
        { key: 'Status', value: statusTag(user) },
        { key: 'Availability', value: user.availability === 'available' ? 'Available' : 'Away' },
        { key: 'Last signed in', value: user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never' },
        { key: 'Created', value: formatDateTime(user.createdAt) },
      ])}
      <h2 class="govuk-heading-m">Role</h2>
      <form method="post" action="/console/users/${user._id}/role" novalidate>
        ${csrfField(csrf)} ${roleRadios(user.role, errorFor(errors, 'role'), user.role === 'councillor')}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Change role
        </button>
      </form>
      <h2 class="govuk-heading-m">Password</h2>
      <form method="post" action="/console/users/${user._id}/password" novalidate>
        ${csrfField(csrf)}
        ${textInput({ id: 'password', name: 'password', label: 'New one-time password (optional)', hint: 'Leave empty to generate one. Resetting signs them out everywhere and unlocks the account.', type: 'password', error: errorFor(errors, 'password'), autocomplete: 'new-password' })}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Reset password
        </button>
      </form>
      ${
        user._id !== options.me &&
        html`<h2 class="govuk-heading-m">Access</h2>
          ${
            user.disabled
              ? buttonForm({
                  action: `/console/users/${user._id}/enable`,
                  csrfToken: csrf,
                  text: 'Enable account',
                  kind: 'secondary',
                })
              : html`<p class="govuk-body">
                    Disabling signs them out at once; they cannot sign in until enabled again.
                  </p>
                  ${buttonForm({ action: `/console/users/${user._id}/disable`, csrfToken: csrf, text: 'Disable account', kind: 'warning' })}`
          }`
      }`,
  });
}

function roleRadios(current: string, error: string | undefined, offerCouncillor: boolean): SafeHtml {
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <fieldset class="govuk-fieldset" ${error ? html` aria-describedby="role-error"` : ''}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role</legend>
      ${error && html`<p id="role-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>`}
      <div class="govuk-radios" data-module="govuk-radios">
        <div class="govuk-radios__item">
          <input
            class="govuk-radios__input"
            id="role"
            name="role"
            type="radio"
            value="csa"
            ${current === 'csa' ? html` checked` : ''}
          />
          <label class="govuk-label govuk-radios__label" for="role">CSA</label>
        </div>
        <div class="govuk-radios__item">
          <input
            class="govuk-radios__input"
            id="role-supervisor"
            name="role"
            type="radio"
            value="supervisor"
            ${current === 'supervisor' ? html` checked` : ''}
          />
          <label class="govuk-label govuk-radios__label" for="role-supervisor">Supervisor: also manages accounts</label>
        </div>
        ${
          offerCouncillor &&
          html`<div class="govuk-radios__item">
            <input
              class="govuk-radios__input"
              id="role-councillor"
              name="role"
              type="radio"
              value="councillor"
              aria-describedby="role-councillor-hint"
              ${current === 'councillor' ? html` checked` : ''}
            />
            <label class="govuk-label govuk-radios__label" for="role-councillor">Councillor</label>
            <div id="role-councillor-hint" class="govuk-hint govuk-radios__hint">
              Raises and tracks cases for residents; sees nothing else in the console
            </div>
          </div>`
        }
      </div>
    </fieldset>
  </div>`;
}

function roleName(role: string): string {
  return role === 'supervisor' ? 'Supervisor' : role === 'councillor' ? 'Councillor' : 'CSA';
}

function statusTag(user: ConsoleUser): SafeHtml {
  if (user.disabled) return tag('Disabled', 'grey');
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) return tag('Locked', 'orange');
  if (user.mustChangePassword) return tag('New password needed', 'yellow');
  return tag('Active', 'green');
}

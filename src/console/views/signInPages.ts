import { type Banner, errorFor, type FieldError, textInput } from './components';
import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

export function renderSignInPage(
  frame: PageFrame,
  form: { csrfToken: string; email?: string; errors?: readonly FieldError[]; banner?: Banner },
): string {
  const errors = form.errors ?? [];
  return renderPage(frame, {
    title: 'Sign in',
    errors,
    banner: form.banner,
    body: html`<h1 class="govuk-heading-l">Sign in to the CSA console</h1>
      <form method="post" action="/console/sign-in" novalidate>
        <input type="hidden" name="_csrf" value="${form.csrfToken}" />
        ${textInput({
          id: 'email',
          name: 'email',
          label: 'Email',
          type: 'email',
          autocomplete: 'username',
          spellcheck: false,
          value: form.email ?? '',
          error: errorFor(errors, 'email'),
        })}
        ${textInput({
          id: 'password',
          name: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'current-password',
          error: errorFor(errors, 'password'),
        })}
        <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
      </form>
      <p class="govuk-body">If you have forgotten your password or your account is locked, ask a supervisor.</p>`,
  });
}

export function renderPasswordPage(
  frame: PageFrame,
  form: { mustChange: boolean; errors?: readonly FieldError[] },
): string {
  const errors = form.errors ?? [];
  return renderPage(frame, {
    title: 'Choose a new password',
    current: 'password',
    errors,
    body: html`<h1 class="govuk-heading-l">Choose a new password</h1>
      ${
        form.mustChange &&
        html`<div class="govuk-inset-text">
          Your password was set by someone else and can be used once. Choose your own before you carry on.
        </div>`
      }
      <form method="post" action="/console/password" novalidate>
        <input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}" />
        ${textInput({
          id: 'currentPassword',
          name: 'currentPassword',
          label: 'Current password',
          type: 'password',
          autocomplete: 'current-password',
          error: errorFor(errors, 'currentPassword'),
        })}
        ${textInput({
          id: 'newPassword',
          name: 'newPassword',
          label: 'New password',
          hint: 'At least 12 characters. A few words you will remember are best.',
          type: 'password',
          autocomplete: 'new-password',
          error: errorFor(errors, 'newPassword'),
        })}
        ${textInput({
          id: 'confirmPassword',
          name: 'confirmPassword',
          label: 'Confirm new password',
          type: 'password',
          autocomplete: 'new-password',
          error: errorFor(errors, 'confirmPassword'),
        })}
        <button type="submit" class="govuk-button" data-module="govuk-button">Change password</button>
      </form>`,
  });
}

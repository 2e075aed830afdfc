import type { DeskRefusal } from '../../handoff/handoffDesk';

const STATUS: Record<DeskRefusal['reason'], number> = {
  notFound: 404,
  alreadyTaken: 409,
  notYours: 403,
  ended: 409,
  invalid: 400,
  unavailable: 503,
};

/** The HTTP status for a refusal from the handoff desk. */
export function refusalStatus(refusal: DeskRefusal): number {
  return STATUS[refusal.reason] ?? 400;
}

export const DESK_MISSING_MESSAGE =
  'Chats go to your external agent hub (HANDOFF_MODE=botframework), so there are none to work on here. Callbacks and service requests still work.';

/** Messages shown after a form's redirect, chosen by a code in the address (never text from the request). */
export const DONE_MESSAGES: Record<string, string> = {
  password: 'Your password has been changed.',
  ended: 'The chat has ended. The resident is back with the bot, which asks them to rate the help they had.',
  transferred: 'The chat has been transferred. It is back in the queue for the other team.',
  away: 'You are away: no new chats will be offered to you.',
  available: 'You are available for chats.',
  sent: 'Sent.',
  note: 'Note added.',
  request: 'Service request attached.',
  article: 'Article sent.',
};

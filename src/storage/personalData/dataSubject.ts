import { z } from 'zod';
import { normaliseEmail } from '../repositories/repositoryOptions';

/** Whose data an export or erasure is about: a conversation, or a resident's email address. */
export type DataSubject = { kind: 'conversation'; conversationId: string } | { kind: 'email'; email: string };

export type ParseDataSubjectOutcome = { ok: true; subject: DataSubject } | { ok: false; problem: string };

const emailSchema = z.email();

/** Reads `<conversation id or email>` as typed on the command line: an email address if it is one. */
export function parseDataSubject(input: string): ParseDataSubjectOutcome {
  const value = input.trim();
  if (value === '') return { ok: false, problem: 'give a conversation id or an email address' };
  if (emailSchema.safeParse(value).success)
    return { ok: true, subject: { kind: 'email', email: normaliseEmail(value) } };
  return { ok: true, subject: { kind: 'conversation', conversationId: value } };
}

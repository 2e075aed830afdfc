import type { Answers } from './requestFields';
import type { RequestDefinition } from './requestTypes';

export type StaffAnswersOutcome =
  { ok: true; answers: Answers } | { ok: false; errors: Array<{ field: string; message: string }> };

/**
 * A request form filled in by staff in one go (the console): each question the form would ask, in order and only
 * when it applies to the answers before it, is read with the same validation residents meet. Questions only a
 * photo can answer are left to the resident's own report. Optional questions may be left blank.
 */
export function readStaffAnswers(
  definition: RequestDefinition,
  typed: Readonly<Record<string, string | undefined>>,
  now: Date,
): StaffAnswersOutcome {
  const answers: Record<string, { value: string; display: string } | null> = {};
  const errors: Array<{ field: string; message: string }> = [];
  for (const field of staffFields(definition)) {
    if (field.askWhen && !field.askWhen(answers)) continue;
    const text = typed[field.id]?.trim() ?? '';
    if (text === '') {
      if (field.optional) answers[field.id] = null;
      else errors.push({ field: field.id, message: `Enter ${field.label.toLowerCase()}` });
      continue;
    }
    const outcome = field.read({ text, attachments: [] }, now);
    if (outcome.kind === 'answered') answers[field.id] = { value: outcome.value, display: outcome.display };
    else if (outcome.kind === 'skipped') answers[field.id] = null;
    else errors.push({ field: field.id, message: outcome.problem });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** The questions staff answer: all but those only a resident's photo can answer. */
export function staffFields(definition: RequestDefinition): RequestDefinition['fields'] {
  return definition.fields.filter((field) => !/photo/i.test(field.id));
}

import { z } from 'zod';

/** Longest answer accepted from the model: a chat reply, not a page (the link gives the full page). */
export const MAX_ANSWER_CHARACTERS = 900;
export const MAX_QUESTION_CHARACTERS = 400;

/** What the model must return when asked to rewrite a follow-up question (checked with zod). */
export const rewrittenQuestionSchema = z.strictObject({
  question: z.string().trim().min(2).max(MAX_QUESTION_CHARACTERS),
});

/** What the model must return when asked for a grounded answer (checked with zod). */
export const groundedAnswerSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('answered'),
    answer: z.string().trim().min(2).max(MAX_ANSWER_CHARACTERS),
    citations: z.array(z.string().trim().min(1)).min(1).max(5),
  }),
  z.strictObject({
    status: z.literal('cannotAnswer'),
    answer: z.string().max(MAX_ANSWER_CHARACTERS),
    citations: z.array(z.string()).max(5),
  }),
]);

export const MESSAGE_CHECK_VERDICTS = [
  'none',
  'injection',
  'dataExfiltration',
  'harmful',
  'offTopicGeneration',
] as const;

/** What the model must return when asked whether a message is one to decline (checked with zod). */
export const messageCheckSchema = z.strictObject({ verdict: z.enum(MESSAGE_CHECK_VERDICTS) });

/**
 * The same shapes as JSON Schemas for `response_format: { type: "json_schema", strict: true }`, written out because
 * strict mode accepts a subset of JSON Schema (every property required, no additional properties, no length limits);
 * the zod schemas above add the limits when the reply is read.
 */
export const REWRITTEN_QUESTION_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'rewritten_question',
    strict: true,
    schema: {
      type: 'object',
      properties: { question: { type: 'string', description: 'the standalone question' } },
      required: ['question'],
      additionalProperties: false,
    },
  },
} as const;

export const GROUNDED_ANSWER_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'grounded_answer',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['answered', 'cannotAnswer'] },
        answer: { type: 'string', description: 'the short answer, or empty when it cannot be answered' },
        citations: { type: 'array', items: { type: 'string' }, description: 'ids of the articles used' },
      },
      required: ['status', 'answer', 'citations'],
      additionalProperties: false,
    },
  },
} as const;

export const MESSAGE_CHECK_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'message_check',
    strict: true,
    schema: {
      type: 'object',
      properties: { verdict: { type: 'string', enum: [...MESSAGE_CHECK_VERDICTS] } },
      required: ['verdict'],
      additionalProperties: false,
    },
  },
} as const;

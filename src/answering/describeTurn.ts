import type { AnswerOutcome } from '../knowledge/answerQuestion';

const MAX_REMEMBERED = 300;

/**
 * What the bot gave, in a line, for the conversation history a follow-up question is rewritten with. Knowledge base
 * text only: nothing the resident typed.
 */
export function describeTurn(outcome: AnswerOutcome): string {
  switch (outcome.kind) {
    case 'answer':
      return clip(`Answered from "${outcome.article.title}": ${outcome.generated?.text ?? outcome.article.summary}`);
    case 'clarify':
      return clip(`Asked which of these the resident meant: ${outcome.articles.map((a) => a.title).join('; ')}`);
    case 'signpost':
      return clip(`Said the council does not handle this and pointed to ${outcome.signpost.name}.`);
    case 'noMatch':
      return 'Could not find an answer in the knowledge base.';
    default:
      return 'Replied without the knowledge base.';
  }
}

function clip(text: string): string {
  return text.length <= MAX_REMEMBERED ? text : `${text.slice(0, MAX_REMEMBERED - 1)}…`;
}

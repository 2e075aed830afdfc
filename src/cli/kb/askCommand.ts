import { createInterface } from 'node:readline';
import { type AnswerOutcome, answerQuestion } from '../../knowledge/answerQuestion';
import { type KnowledgeSnapshot } from '../../knowledge/knowledgeSnapshot';
import { type KbLanguageModel } from '../kbLanguageModel';

/** `kb ask`: answers questions read one per line from standard input, as text or JSON lines. */
export async function ask(
  snapshot: KnowledgeSnapshot,
  json: boolean,
  llm: KbLanguageModel | undefined,
): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') continue;
    const outcome = llm
      ? (await llm.answering.answer(question)).outcome
      : answerQuestion(question, snapshot.knowledge, snapshot.search);
    const record = toAskRecord(question, outcome);
    process.stdout.write(json ? `${JSON.stringify(record)}\n` : `${describe(record)}\n`);
  }
  return 0;
}

/**
 * The `kb ask --json` line (contracts.md): small talk, a declined message (`declined: true`, `declinedReason`) and a
 * message in another language (`notEnglish: true`) are reported as `noMatch`, since no article answers them.
 */
export function toAskRecord(question: string, outcome: AnswerOutcome) {
  const action =
    outcome.kind === 'smallTalk' || outcome.kind === 'declined' || outcome.kind === 'notEnglish'
      ? 'noMatch'
      : outcome.kind;
  const candidates =
    outcome.kind === 'clarify'
      ? outcome.articles.map((article) => ({
          id: article.id,
          score: round(outcome.candidates.find((c) => c.id === article.id)?.score ?? 0),
        }))
      : outcome.candidates.map((c) => ({ id: c.id, score: round(c.score) }));
  return {
    question,
    action,
    articleId: outcome.kind === 'answer' ? outcome.article.id : null,
    candidates,
    urgent: outcome.kind === 'urgent',
    ...(outcome.kind === 'urgent'
      ? { urgentCategory: outcome.category, ...(outcome.certainty === 'check' ? { urgentCheck: true } : {}) }
      : {}),
    ...(outcome.kind === 'smallTalk' ? { smallTalk: outcome.smallTalk } : {}),
    ...(outcome.kind === 'declined' ? { declined: true, declinedReason: outcome.reason } : {}),
    ...(outcome.kind === 'notEnglish' ? { notEnglish: true } : {}),
    ...(outcome.kind === 'signpost' ? { signpostId: outcome.signpost.id } : {}),
    ...(outcome.kind === 'answer' && outcome.generated
      ? {
          generated: true,
          citations: outcome.generated.citations.map((article) => article.id),
          answer: outcome.generated.text,
        }
      : {}),
  };
}

function describe(record: ReturnType<typeof toAskRecord>): string {
  const top = record.candidates.map((c) => `${c.id} ${c.score}`).join(', ');
  return `${record.action}${record.articleId ? ` ${record.articleId}` : ''}${record.urgent ? ' URGENT' : ''}\t${record.question}\t[${top}]`;
}

/** A score to three decimal places, as the JSON lines print it. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

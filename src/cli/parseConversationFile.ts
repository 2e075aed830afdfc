import { z } from 'zod';

/** The kinds of conversation an evaluation file holds (`shared/eval/followups-dev.jsonl`). */
export const CONVERSATION_KINDS = ['followup', 'ellipsis', 'correction', 'topicSwitch'] as const;

const conversationLineSchema = z.object({
  turns: z.array(z.string().trim().min(1, 'a turn is empty')).min(1, 'a conversation needs at least one turn'),
  expected: z.string().trim().min(1),
  kind: z.enum(CONVERSATION_KINDS),
});

/** One conversation to run: what the resident says turn by turn, and the article the last turn should get. */
export interface EvalConversation {
  /** 1-based line of the file, for reports. */
  line: number;
  turns: string[];
  /** An article id, or `OUT` when no article should answer the last turn. */
  expected: string;
  kind: (typeof CONVERSATION_KINDS)[number];
}

export type ParsedConversationFile =
  { ok: true; conversations: EvalConversation[] } | { ok: false; problems: string[] };

/**
 * Reads a JSON-lines conversation file. Every line is checked (blank lines are skipped); any bad line (not JSON, a
 * missing or empty field, an unknown kind, an article id the knowledge base does not have) is reported with its
 * line number, and then no conversation is returned, so figures are never computed over part of a file.
 */
export function parseConversationFile(text: string, knownIds: ReadonlySet<string>): ParsedConversationFile {
  const conversations: EvalConversation[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push(`line ${line}: not a JSON object`);
      return;
    }
    const parsed = conversationLineSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`);
      problems.push(`line ${line}: ${issues.join('; ')}`);
      return;
    }
    const { turns, expected, kind } = parsed.data;
    if (expected !== 'OUT' && !knownIds.has(expected)) {
      problems.push(`line ${line}: expected: no article "${expected}" in the knowledge base`);
      return;
    }
    conversations.push({ line, turns, expected, kind });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (conversations.length === 0) return { ok: false, problems: ['the file holds no conversation'] };
  return { ok: true, conversations };
}

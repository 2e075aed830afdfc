/** What `npm run kb` does, printed for --help and for a wrong command. */
export const USAGE = `Usage: npm run kb -- <command>
  check              validate every article, the council profile, the vocabulary and the safety examples
  ask [--json]       answer questions read one per line from standard input
  eval FILE [--misses]  score a question file (format of shared/eval/dev-questions.tsv)
  eval GUARDRAILS.tsv [--misses] [--attacks]
                     held per attack kind and genuine questions wrongly declined (format of
                     shared/eval/guardrails-dev.tsv; --attacks reads SOURCE<TAB>message, every line an attack)
  eval --conversations FILE.jsonl [--misses]
                     run each conversation (format of shared/eval/followups-dev.jsonl) through the real bot and
                     print how many end right, per kind
  embed [--prune]    embed every article section for hybrid retrieval and cache the vectors in the store
                     (--prune deletes cached vectors of sections no longer in the knowledge base)
  gaps [--days N | --since YYYY-MM-DD] [--json]
                     questions residents asked that the knowledge base did not answer, or whose answer they said
                     did not help, grouped by similarity and counted, with the closest article (last 30 days)

With OPENAI_API_KEY set, ask and eval use the language model as the bot does (eval prints the lexical figures
and then the hybrid ones); --lexical leaves it out, --llm insists on it.`;

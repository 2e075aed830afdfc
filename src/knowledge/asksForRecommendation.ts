import { normaliseText } from './textAnalyzer';

const RECOMMENDATION = [
  /\b(?:recommend|suggest)(?: me)? (?:a |an |any |some )?(?:good|decent|nice|reliable|cheap|local|great|best)\b/,
  /\b(?:know|knows) (?:of )?(?:any|a) (?:good|decent|nice|reliable|cheap|local)\b/,
  /\b(?:whats|what is|wheres|where is|which is) (?:the|a) (?:best|good|nicest|cheapest) (?:\w+ )?(?:place|film|book|restaurant|takeaway|pub|shop|cafe)\b/,
  /\bbest (?:place|places|shop|shops) to (?:buy|eat|get|go)\b/,
];

/**
 * Whether the message asks the bot to recommend a business or a thing ("can you recommend a good takeaway?", "know
 * any decent electricians"). The council does not recommend businesses, so such a message is not answered from an
 * article that happens to share a word (a takeaway is not a food-safety complaint).
 */
export function asksForRecommendation(text: string): boolean {
  const normalised = normaliseText(text);
  return RECOMMENDATION.some((pattern) => pattern.test(normalised));
}

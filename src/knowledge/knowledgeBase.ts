import type { Article } from './articleSchema';
import type { CouncilProfile } from './councilProfileSchema';
import type { SafetyExample } from '../safety/safetyExampleSchema';
import { UrgentDetector } from '../safety/urgentDetector';
import type { GuardrailExample } from '../guardrails/guardrailExampleSchema';
import { MessageGuard } from '../guardrails/messageGuard';
import { normaliseText } from './textAnalyzer';
import type { Signpost } from './signpostSchema';
import type { Vocabulary } from './vocabularySchema';
import type { Ward } from '../places/wardSchema';
import { NO_PLACES, type Places } from '../places/places';

/** One consistent, validated snapshot of the knowledge folder. Never mutated; a reload builds a new one. */
export interface KnowledgeBase {
  articles: readonly Article[];
  byId: ReadonlyMap<string, Article>;
  profile: CouncilProfile;
  vocabulary: Vocabulary;
  /** Other bodies and national services the council does not run (`signposts.yaml`); empty when there is none. */
  signposts: readonly Signpost[];
  /**
   * Recognises emergencies: the one detector the bot, `kb ask` and `kb eval` use, built from this snapshot's safety
   * examples (`knowledge/safety/*.yaml`), so an edited example takes effect on reload.
   */
  urgentDetector: UrgentDetector;
  /**
   * Recognises messages to decline (attempts on the instructions, other people's data, harmful or unrelated
   * requests), built from this snapshot's examples (`knowledge/guardrails/*.yaml`) and articles' example questions.
   */
  messageGuard: MessageGuard;
  /** The council's wards and their councillors (`wards.yaml`); empty when there is none. */
  wards: readonly Ward[];
  wardById: ReadonlyMap<string, Ward>;
  /** The gazetteer and the bin collection rounds (`places/`); empty when there are none. */
  places: Places;
}

/** The optional parts of a snapshot, each from its own file. */
export interface KnowledgeExtras {
  signposts?: readonly Signpost[];
  safetyExamples?: readonly SafetyExample[];
  wards?: readonly Ward[];
  places?: Places;
  guardrailExamples?: readonly GuardrailExample[];
}

/** A problem found in one file of the knowledge folder, phrased for the editor who has to fix it. */
export interface KnowledgeProblem {
  file: string;
  problem: string;
}

export function createKnowledgeBase(
  articles: Article[],
  profile: CouncilProfile,
  vocabulary: Vocabulary,
  { signposts = [], safetyExamples = [], wards = [], places = NO_PLACES, guardrailExamples = [] }: KnowledgeExtras = {},
): KnowledgeBase {
  const sorted = [...articles].sort((a, b) => a.id.localeCompare(b.id));
  const urgentDetector = new UrgentDetector({
    examples: safetyExamples,
    routineQuestions: sorted.flatMap((article) => article.questions),
    knownWords: knownWords(sorted, safetyExamples),
  });
  const messageGuard = new MessageGuard({
    examples: guardrailExamples,
    questions: sorted.flatMap((article) => article.questions),
  });
  messageGuard.warmUp();
  return {
    articles: sorted,
    byId: new Map(sorted.map((article) => [article.id, article])),
    profile,
    vocabulary,
    signposts,
    urgentDetector,
    messageGuard,
    wards,
    wardById: new Map(wards.map((ward) => [ward.id, ward])),
    places,
  };
}

/** Words spelt as the knowledge base and the examples spell them: never corrected towards a risk word. */
function knownWords(articles: readonly Article[], examples: readonly SafetyExample[]): Set<string> {
  const words = new Set<string>();
  const texts = [
    ...articles.flatMap((article) => [article.title, article.summary, article.body, ...article.questions]),
    ...examples.map((example) => example.text),
  ];
  for (const text of texts) for (const word of normaliseText(text).split(' ')) words.add(word);
  return words;
}

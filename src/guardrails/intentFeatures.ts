/**
 * What a message sets out to do, read as a few broad ideas over a message as `normaliseText` leaves it, so the guard's
 * classifier learns the shape of an attempt and not only its words: asking for a method, keeping it from whoever
 * would notice, a deception, getting round a machine or a check, getting at another person, asking for what someone
 * else said or holds, a pretext, orders about the bot's role or replies, writing, and asking for an opinion. Each idea
 * present is one feature, and so is each pair of them ("a method + keeping it unseen"), which no single word is.
 */
const IDEAS: readonly (readonly [string, RegExp])[] = [
  [
    'method',
    /\b(?:how (?:do|can|could|would|should|to|much|long)|(?:best|easiest|quickest|safest|cheapest) (?:way|time)|trick|tips?|is there a way|any way|what can i|where can i|what (?:should|do) i (?:say|tell|put|use)|teach me|help me)\b/,
  ],
  [
    'unseen',
    /\b(?:without (?:\w+ ){0,3}(?:knowing|noticing|finding out|seeing|spotting|realising|checking)|before (?:anyone|anybody|they|the \w+)(?: \w+){0,3} (?:sees?|notices?|finds? out|comes?|checks?|spots?)|(?:what|where) (?:do|should|can) i hide|hide (?:it|them|this|the \w+) from|(?:stop|not|off|without) recording|blind spots?|(?:is|are|gets?|getting) suspicious|(?:not|never|dont|wont) (?:get|be) (?:caught|checked|noticed|found out|traced|in trouble)|(?:finding out|noticing|spotting|counting)|so (?:they|he|she|nobody|no one|the \w+) (?:dont|doesnt|wont|cant|never)|get away with|on the quiet|cover (?:it|this) up|dont tell (?:anyone|them)|till they notice|wont (?:get|be) checked|without (?:telling|informing|letting (?:\w+ ){0,2}know))\b/,
  ],
  [
    'deceit',
    /\b(?:fake|faking|forge\w*|pretend\w*(?! (?:i|im|that i) (?:know|dont|am|m))|make (?:it|them|him|her|my \w+) (?:look|seem|sound)|lie|lying|lied|make up|made up|story|doesnt exist|(?:dont|do not) (?:really|actually) need|worse than|not really|someone elses|as if|by (?:saying|pretending|claiming|telling (?:them|you|the \w+))|so (?:she|he|they|the \w+) (?:thinks?|believes?)|(?:sound|look|seem|sounds|looks|seems) worse|when (?:i|he|she|they) (?:wasnt|werent|isnt|arent|was not|is not|doesnt|dont|didnt|does not|did not)|(?:something|things|anything) (?:he|she|they|i) (?:didnt|did not|hasnt|havent) (?:do|done)|when (?:hes|shes|theyre|im) (?:not|home|back|living)|nobody (?:in|at) the (?:house|home|flat) is)\b/,
  ],
  [
    'tamper',
    /\b(?:jam|clone|copy (?:of )?(?:my mates|someone\w*|somebodys|his|her|their|the councils?|a) (?:\w+ )?(?:permit|badge|pass|sticker|key|ticket)|bypass|get (?:past|round|around)|disable|turn off|switch off|hack\w*|break into|get into|free tickets?|without paying(?! (?:a fortune|much|a lot|too much|loads|the earth|over the odds))|inject)\b/,
  ],
  [
    'getAt',
    /\b(?:hurt|harm|kill|poison|damage|slash|scratch|ruin|get back at|sort (?:him|her|them) out|make (?:him|her|them|next door) (?:move|leave|pay)|evict\w*|taken away|shame|embarrass\w*|die|dies|sign (?:\w+ ){0,3}over)\b/,
  ],
  [
    'theirs',
    /\b(?:(?:what|who) (?:did|has|have) (?:my |the |her |his )?\w+ (?:said|say|asked|ask|wrote|write|typed|told|tell|put)|who (?:gets|is on|lives|reported|complained|put in)|which (?:of )?(?:the )?(?:staff|residents|families|households|flats|houses|councillors)|(?:tell me|find out|check|confirm|see) (?:if|whether) (?:my|the|her|his|their) (?:\w+ )?(?:neighbou?rs?|sons?|daughters?|girlfriend|boyfriend|partner|ex|tenant|lodger|brother|sister|wife|husband|family|friend|colleague|man|woman|couple)|(?:his|her|their|neighbou?rs|colleagues?|exs) (?:account|claim|record|file|application|balance|arrears|questions|messages|details|login|password))\b/,
  ],
  [
    'pretext',
    /\b(?:i work (?:in|for|at)|im (?:a|an|the|from|his|her|their) (?:\w+ )?(?:officer|staff|team|manager|landlord|mum|dad|carer|journalist|councillor|police)|new starter|on behalf of|systems? (?:is |are )?down|i have a right|(?:this is|from) the \w+ (?:team|department|manager))\b/,
  ],
  [
    'orders',
    /\b(?:your role|set (?:your|yourself)|you (?:now|are now)|from now|switch (?:yourself|to)|pretend to be|act as|reply as|answer as|as if you(?:re| are| were)|start (?:every|your) (?:reply|answer)|in bold|at the top|confirm (?:that|my|it)|inform the resident|tell (?:this|the) resident)\b/,
  ],
  [
    'writing',
    /\b(?:write|draft|rewrite|compose|describe|summari[sz]e|outline|review|rate|mark|words|poem|essay|speech|advert|listing|profile|caption|slogan|bullet points|slides)\b/,
  ],
  [
    'opinion',
    /\b(?:should i (?:buy|get|choose|pick|vote)|which is better|whats better|your (?:honest |actual |real )?(?:opinion|view|pick|take)|what do you (?:think|reckon)|good or bad)\b/,
  ],
];

/**
 * How many words each idea counts as: once, an idea weighs no more than any word and the many words of a genuine
 * question outvote it; twice, the shape of a request tells (a third time began to decline genuine questions).
 */
const INTENT_WEIGHT = 2;

/** The ideas a normalised message carries, by name. */
export function intentIdeas(normalised: string): string[] {
  return IDEAS.filter(([, pattern]) => pattern.test(normalised)).map(([name]) => name);
}

/** The ideas a normalised message carries, and each pair of them, as features (`~method`, `~method+unseen`), each counted `INTENT_WEIGHT` times. */
export function intentFeatures(normalised: string): string[] {
  const present = intentIdeas(normalised);
  const pairs = present.flatMap((first, index) => present.slice(index + 1).map((second) => `~${first}+${second}`));
  const features = [...present.map((name) => `~${name}`), ...pairs];
  return Array.from({ length: INTENT_WEIGHT }, () => features).flat();
}

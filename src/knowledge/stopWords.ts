/**
 * Words that carry no topic in a resident's message: English function words, chat filler and the generic verbs
 * people wrap a question in ("can you tell me how I get ..."). Negations are kept (the vocabulary reads them all as
 * "not"), and so are "when" and "where", which say what is asked. Topic words never belong here; council-specific
 * filler goes in the vocabulary's `ignore` list where editors can see it.
 */
export const STOP_WORDS: readonly string[] = `
a about above after again against all almost along already also although always am among an and another any anybody
anyone anything anyway anywhere are arent around as ask asked asking at away be became because become been before
being below besides best between both but by can   could  did  do does  doing done 
down during each either else enough even ever every everyone everything exactly few for from further get gets getting
give given go goes going gone got gotten had  has  have  having he her here hers herself him himself
his how however i id if ill im in into is  it its itself ive just know knows let lets like likely look looking
made make many may maybe me might mine more most much must my myself need needed needs     
now of off often ok okay on once one only or other others otherwise our ours ourselves out over own please pls plz
quite rather really said same say says see seem seems shall she should shouldnt since so some somebody someone
something sometime sometimes somewhere soon still such sure take tell than thank thanks that thats the their theirs
them themselves then there theres these they theyre thing things think this those though through thru thus to too
toward towards try trying under until up upon us use used very via want wanted wants was  way we well were
 what whats whatever whenever whereas wherever whether which while who whom whose why will with
within without  would wouldnt yes yet you youd youll your youre yours yourself yourselves hi hello hey hiya
cheers ta please u ur wanna gonna gotta abt bit lot lots
`
  .split(/\s+/)
  .filter((word) => word.length > 0);

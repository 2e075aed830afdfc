import { check, sure, type RiskPattern } from './riskSignal';

/**
 * Emergencies told by their signs rather than named: what a resident sees, hears or feels when someone is having a
 * stroke or a hypo, is bleeding badly or has swallowed poison; the symptoms of carbon monoxide; smoke coming out of
 * something; water on the electrics; someone trapped, or calling for help behind a locked door; a pendant alarm
 * nobody answers; a child given lifts and gifts by a man who then wants paying back; someone whose papers are kept
 * from them. Read after the named signals (`RISK_PATTERNS`' order: the first sure signal wins).
 */
export const DESCRIBED_SIGNS_PATTERNS: readonly RiskPattern[] = [
  ...sure(
    'medical',
    // A stroke: the face, the arm, the speech.
    'face ~3 dropped|drooping|droopy|dropping|fallen|sagging ~4 one_side|side|on_one_side',
    'cant|can_not|cannot|unable_to|struggling_to ~1 get ~1 her|his|my|their ~1 words ~1 out',
    'slurring|slurred ~3 words|speech|talking ~6 suddenly|arm|face|confused|cant',
    // A hypo, a fit, a head injury.
    'diabetic ~10 shaking|sweaty|sweating|confused|not_making_sense|unresponsive|collapsed|passed_out|wont_wake|drowsy|fitting',
    'knocked ~1 out|unconscious|out_cold',
    'out cold',
    // Bleeding that will not stop.
    'blood ~4 spurting|pumping|pouring|gushing|everywhere|wont_stop|will_not_stop|not_stopping|keeps_coming',
    'bleeding ~3 heavily|badly|loads|a_lot|everywhere|wont_stop|will_not_stop|not_stopping|through_the',
    // A child who has swallowed something harmful.
    '{child}|toddler|son|daughter|baby|little_one ~6 ate|eaten|eating|swallowed|drank|drunk|drinking|got_into|into|chewed|licked ~4 poison|bleach|tablets|pills|rat_poison|pellets|battery|batteries|chemicals|weed_killer|weedkiller|antifreeze|detergent|washing_pod|washing_pods|capsule|capsules|medicine|methadone',
  ),
  ...check(
    'gas',
    // Carbon monoxide: headaches, sickness or sleepiness at home, with a gas appliance or its alarm.
    'headache|headaches|pounding_head|head_spinning|dizzy|nearly_fainted|fainting|sleepy|drowsy|falling_asleep|feel_sick|feels_sick|feeling_sick ~14 gas_fire|boiler|fire|co|carbon_monoxide|alarm|fumes|heater',
    'gas_fire|boiler|co|carbon_monoxide|co_alarm|heater ~14 headache|headaches|pounding_head|head_spinning|dizzy|nearly_fainted|fainting|drowsy|feel_sick|feels_sick|feeling_sick',
    '{smell} ~3 like|of ~1 eggs|rotten_eggs',
    'cooker|hob|oven|gas ~10 left_on|been_on|on_for|was_on ~8 smell|smells|stink|stinks|stinking|whiff',
    'co|carbon_monoxide|co_alarm|alarm|boiler|gas_fire|heater ~16 head ~2 spinning|pounding|banging|thumping',
  ),
  ...sure(
    'fire',
    'smoke ~3 coming|pouring|billowing ~2 out|from ~2 of? ~3 bin_chute|chute|window|windows|roof|flat|house|door|vent|shop|garage|building|loft|socket|bin_store',
    'socket|sockets|plug|plugs|fuse_box|fusebox|consumer_unit|extension_lead ~8 sparking|sparks|smoking|melting|melted|burning|scorched|crackling',
  ),
  ...check(
    'fire',
    '{smell} ~2 burning ~12 getting_worse|corridor|walls|sockets|socket|ceiling|loft|stairs|stairwell|care_home',
    'burning ~1 {smell} ~12 getting_worse|corridor|walls|sockets|socket|ceiling|loft|stairs|stairwell|care_home',
  ),
  ...sure(
    'structure',
    'water|pipe|burst|leak|leaking ~6 spraying|pouring|dripping|running|coming ~6 fuse_box|fusebox|consumer_unit|electrics|sockets|socket|meter',
    'crack|cracks ~12 getting_wider|wider|widening|spreading|growing|bigger ~12 door|doors|wall|walls|ceiling|wont_close',
    'scaffolding|scaffold ~6 swaying|collapsing|collapsed|falling|fallen|leaning|coming_down|loose',
    'railing|railings|barrier|barriers|fence ~8 snapped|broken|gone|missing|fallen ~10 drop|river|bridge|footbridge|balcony|edge',
    'manhole|drain|inspection ~1 cover ~3 missing|gone|off|open|broken|collapsed|smashed',
  ),
  ...sure(
    'danger',
    'trapped|stuck|pinned ~3 under|beneath ~2 a|the ~1 car|van|lorry|rubble|wall|tree|machine',
    'trapped|stuck|locked ~3 in ~2 a|the ~1 lift|bin_store|shed|cupboard|car|garage|container|freezer ~10 panicking|cant_breathe|crying|screaming|scared|help|jammed|hours',
    'stuck|trapped ~4 in|on ~2 the ~1 mud|water|river|estuary|sand|ice|cliff ~10 tide|coming_in|sinking|cant_get_out|help',
    'trying|tried|tries|rattling|rattled ~2 my|the|our ~1 door|door_handle|handle|back_door|front_door|window ~8 night|am|3am|2am|1am|4am|midnight|figure|someone|stranger',
  ),
  ...sure(
    'adultWelfare',
    'hear|heard|can_hear|hearing ~3 him|her|them|someone|somebody|{vulnerable} ~3 calling|shouting|crying|screaming|banging ~3 for_help|out|help ~14 locked|no_key|get_in|not_answering|wont_answer|door',
    'see|saw|can_see|seen ~2 him|her|them ~4 through ~2 the ~1 window ~6 lying|lay|on_the_floor|not_moving',
    'pendant|lifeline|careline|personal ~1 alarm ~8 went_off|gone_off|going_off|pressed|activated ~12 cant|can_not|not_answering|no_answer|get_hold',
    'walking|wandering|out ~4 on|along|down|in ~2 the ~1 dual_carriageway|motorway|bypass|road ~10 night|nightie|nightdress|dressing_gown|pyjamas|confused|again|am|2am|3am',
    'night|nightie|confused|dementia|gran|nan|granny|grandad ~14 walking|wandering ~4 on|along|down|in ~2 the ~1 dual_carriageway|motorway|bypass',
    'run_out|ran_out|no|without ~5 medication|meds|insulin|oxygen ~10 weak|alone|lift|stuck|cant_get_out|housebound|today',
  ),
  ...sure(
    'danger',
    'he_d|hed|he_ll|she_d|she_ll|going_to|gonna|will|would ~1 finish ~1 her|him|me|you|them|us ~1 off?',
  ),
  ...sure(
    'homelessTonight',
    'hostel|refuge|shelter|b_and_b|hotel|mum|dad|parents|family|friend|mate ~4 kicked|thrown|threw|chucked|turfed ~2 me|us ~1 out',
    'on_the_street|on_the_streets|sleeping_rough|sleep_rough|sleeping_outside ~10 tonight|minus|freezing|snow',
  ),
  ...sure(
    'abuse',
    '{actor} ~4 threw|throws|thrown|poured ~3 boiling|hot ~1 water|kettle|tea|oil ~3 at|over|on ~1 me|us',
    'took|taken|takes|keeps|kept|has ~2 her|his|my|their ~1 passport|passports|documents|papers|id ~12 not_allowed|isnt_allowed|is_not_allowed|cant_leave|can_not_leave|work|working|sleep|locked|no_money|paid',
    'not|isnt|is_not|never ~1 allowed ~1 out ~10 work|working|passport|documents|papers|sleep',
  ),
  ...sure(
    'child',
    // Grooming: gifts, lifts and "paying back".
    'man|men|bloke|lads|older_lads|older_men|adult|guy|someone ~6 giving|gives|gave|buying|buys|bought|offering ~3 {child}|girls|boys|kids|year_7|year_8|year_9|year_10|schoolgirls ~6 vapes|alcohol|drink|drinks|drugs|weed|lifts|money|phones|gifts|presents|trainers',
    'pay ~1 him|them|me ~1 back ~8 tonight|has_to|have_to|owes|owe|lifts|vapes|gifts',
    'girls|young_girls|teenage_girls|kids|boys ~8 brought|taken|dropped_off|coming ~6 flat|house|hotel ~12 men|man|different_men|older_men',
    // A child out alone, missing, or sleeping where no child should.
    '{child}|shes|hes|she|he ~6 ran_off|run_off|ran_away|run_away|gone_missing|went_missing|wandered_off|not_come_back ~12 {childAge}|dark|hours|no_coat|tonight|night',
    '{child}|boy|girl|lad ~8 sleeping|sleeps|slept|staying ~2 in ~2 the|a|our ~1 bin_store|stairwell|stairs|shed|car_park|garage|park|doorway|tent',
    'leaves|leaving|left ~2 her|his|their|the|a ~1 {child} ~4 in_the_car|in_a_car|alone|on_its_own|on_their_own ~10 hours|boiling|hot|windows|right_now|now|cold',
  ),
  ...sure(
    'selfHarm',
    'on|up_on ~2 the|a ~1 roof|ledge|edge|bridge|top_floor ~14 goodbye|bye|jump|end_it|ending_it|saying_bye|says_bye|said_bye|love_you',
    'saying|says|said|text*|sent|messaged ~3 goodbye ~10 roof|bridge|tablets|pills|car|tonight|forever|sorry',
    'engine ~2 running ~10 garage|car|sat|sitting|hose|pipe|closed',
    'sat|sitting ~4 in ~2 the|my ~1 car ~6 garage ~6 engine ~2 running',
    'when_i_m_dead|when_im_dead|after_im_gone|after_i_m_gone|when_i_m_gone|once_i_m_gone|after_i_die|when_i_die ~14 soon|decided|tonight|planned|this_week|tomorrow',
  ),
];

import type { CollectionSchedule } from './collectionScheduleSchema';
import { Gazetteer } from './gazetteer';

/** The council's places data in a knowledge snapshot: the gazetteer and the bin collection rounds. */
export interface Places {
  gazetteer: Gazetteer;
  /** Undefined when `places/collections.yaml` is absent: the bot then cannot say a bin day. */
  collections: CollectionSchedule | undefined;
}

/** No gazetteer and no rounds (a knowledge folder without `places/`). */
export const NO_PLACES: Places = { gazetteer: new Gazetteer([]), collections: undefined };

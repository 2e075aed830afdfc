import type { KnowledgeSource } from '../knowledge/knowledgeService';
import type { AddressLookup } from './addressLookup';
import { GazetteerAddressLookup } from './gazetteer';
import { OsPlacesAddressLookup } from './osPlacesAddressLookup';

/**
 * The address lookup the configuration names: the Ordnance Survey Places API when `OS_PLACES_API_KEY` is set (ward
 * and round still from the council's gazetteer), otherwise the embedded gazetteer of the knowledge base.
 */
export function createAddressLookup(config: { OS_PLACES_API_KEY?: string }, knowledge: KnowledgeSource): AddressLookup {
  const gazetteer = () => knowledge.current().knowledge.places.gazetteer;
  if (!config.OS_PLACES_API_KEY) return new GazetteerAddressLookup(gazetteer);
  return new OsPlacesAddressLookup({
    apiKey: config.OS_PLACES_API_KEY,
    councilData: (uprn) => {
      const known = gazetteer().withUprn(uprn);
      return known && { ward: known.ward, round: known.round };
    },
  });
}

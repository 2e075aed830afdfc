import type { Gazetteer } from '../places/gazetteer';
import type { ServiceRequest } from '../storage/repositories/requestRepository';
import { wardRecordedOnRequest, type WardOfRequest } from './caseworkDesk';

/**
 * The ward of any service request, for `Your ward`: the ward a case recorded; otherwise the gazetteer's ward for the
 * request's UPRN (the address step stores it); otherwise the ward of its postcode when every address there is in the
 * same one. Only ward ids come out: the page counts requests, never shows them.
 */
export function wardFromGazetteer(gazetteer: () => Gazetteer): WardOfRequest {
  return (request: ServiceRequest) => {
    const recorded = wardRecordedOnRequest(request);
    if (recorded) return recorded;
    const places = gazetteer();
    const uprn = request.details.uprn;
    const byUprn = uprn ? places.withUprn(uprn)?.ward : undefined;
    if (byUprn) return byUprn;
    const postcode = request.details.postcode;
    if (!postcode) return undefined;
    const wards = new Set(places.atPostcode(postcode).map((address) => address.ward));
    const [only] = wards;
    return wards.size === 1 ? only : undefined;
  };
}

import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { describeOpeningHours, type OpeningHours, parseOpeningHours } from './openingHours';

/**
 * The contact centre's opening hours as residents are told them: the council profile's, unless the deployment
 * overrides them (`CONTACT_CENTRE_HOURS`).
 */
export class ContactCentre {
  constructor(private readonly override?: OpeningHours) {}

  hours(profile: CouncilProfile): OpeningHours {
    if (this.override) return this.override;
    const parsed = parseOpeningHours(profile.contactCentre.hours);
    return parsed.ok ? parsed.hours : { kind: 'never' };
  }

  describeHours(profile: CouncilProfile): string {
    return describeOpeningHours(this.hours(profile));
  }
}

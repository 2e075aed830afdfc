import { REQUEST_DEFINITIONS, REQUEST_TYPES } from '../requests/requestTypes';

/** One choice of `Service area`: a kind of request residents make, or one of the contact centre's teams. */
export interface ServiceArea {
  /** `type:missed-bin` or `team:Customer services`: what the form posts. */
  value: string;
  /** What the councillor and staff read. */
  label: string;
}

/** The request types (not callbacks: a councillor asks for the reply itself) and then the console's teams. */
export function serviceAreas(teams: readonly string[]): ServiceArea[] {
  const types = REQUEST_TYPES.filter((type) => type !== 'callback').map((type) => ({
    value: `type:${type}`,
    label: REQUEST_DEFINITIONS[type].title,
  }));
  return [...types, ...teams.map((team) => ({ value: `team:${team}`, label: team }))];
}

import type { Server } from 'restify';
import { londonTime } from '../../calendar/londonTime';
import type { KnowledgeSource } from '../../knowledge/knowledgeService';
import type { AddressLookup } from '../addressLookup';
import { collectionsCalendar } from '../collectionsCalendar';

export interface CollectionsCalendarRouteOptions {
  knowledge: KnowledgeSource;
  addresses: AddressLookup;
  clock: () => Date;
}

/**
 * `GET /collections/{uprn}/calendar.ics`: the "Add to my calendar" link of a bin-day answer, an iCalendar file of
 * the address's collections for the next 12 months. 404 for an address without a known round. Public: collection
 * days are public information and a UPRN names a building, not a person.
 */
export function addCollectionsCalendarRoute(server: Server, options: CollectionsCalendarRouteOptions): void {
  server.get('/collections/:uprn/calendar.ics', async (req, res) => {
    const uprn = String(req.params?.uprn ?? '');
    const found = /^\d{1,12}$/.test(uprn) ? await options.addresses.findByUprn(uprn) : undefined;
    if (found && !found.ok) {
      res.send(503, { error: 'unavailable', message: 'Addresses cannot be looked up just now.' });
      return;
    }
    const { knowledge } = options.knowledge.current();
    const schedule = knowledge.places.collections;
    const address = found?.address;
    if (!address?.round || !schedule) {
      res.send(404, { error: 'not_found', message: 'No collections are known for that address.' });
      return;
    }
    const body = collectionsCalendar({
      address,
      schedule,
      today: londonTime(options.clock()).date,
      councilName: knowledge.profile.name,
      website: knowledge.profile.website,
    });
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="bin-collections.ics"',
      'cache-control': 'public, max-age=3600',
    });
    res.end(body);
  });
}

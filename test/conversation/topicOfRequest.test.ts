import { topicOfRequest } from '../../src/conversation/topicOfRequest';
import { shippedKnowledge } from '../support/testBot';

describe('the topic while a service request is under way', () => {
  test('is the request and the article that offers it, keeping what was rejected before', async () => {
    const { knowledge } = (await shippedKnowledge()).current();
    const topic = topicOfRequest('fly-tipping', knowledge, {
      articleId: 'dog-fouling-and-litter',
      words: ['litter'],
      rejected: ['graffiti'],
    });
    expect(topic).toEqual({ articleId: 'fly-tipping', requestType: 'fly-tipping', words: [], rejected: ['graffiti'] });
  });

  test('a request no article offers is still the topic', async () => {
    const { knowledge } = (await shippedKnowledge()).current();
    expect(topicOfRequest('callback', knowledge, undefined)).toMatchObject({ requestType: 'callback', words: [] });
  });
});

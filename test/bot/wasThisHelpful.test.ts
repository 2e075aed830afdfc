import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { buttonsOf, metaOf } from '../support/testBot';

jest.setTimeout(30_000);

describe('"Was this helpful?" on every answer, and questions kept for editors', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness();
  });
  afterAll(() => harness.close());

  const everything = () => ({ since: new Date(0), until: new Date(Date.now() + 60_000) });

  test('a "no" is counted for the article, keeps the question (without personal data) and offers a way on', async () => {
    const { token, conversationId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.say('my email is pat@example.org, when is the green bin collected at 12 Mill Lane');
    const [, answer] = await client.botReplies(2);
    expect(metaOf(answer ?? {}).action).toBe('answer');
    expect(answer?.text).toMatch(/Was this helpful\?$/);
    expect(buttonsOf(answer ?? {})).toEqual(expect.arrayContaining(['Yes, that helped', "No, it didn't"]));

    await client.say("No, it didn't");
    const [, , reply] = await client.botReplies(3);
    expect(metaOf(reply ?? {})).toMatchObject({ action: 'feedbackRecorded', helpful: false });
    expect(buttonsOf(reply ?? {})).toContain('Talk to a person');

    const { since, until } = everything();
    const { analytics, editorQuestions } = harness.app.repositories;
    const feedback = (await analytics.list(since, until, ['feedback'])).filter(
      (e) => e.conversationId === conversationId,
    );
    expect(feedback).toMatchObject([{ helpful: false, articleId: metaOf(answer ?? {}).articleId }]);
    const [kept] = (await editorQuestions.listBetween(since, until)).filter((q) => q.conversationId === conversationId);
    expect(kept).toMatchObject({ kind: 'unhelpful', articleId: metaOf(answer ?? {}).articleId });
    expect(kept?.question).toMatch(/when is the green bin collected/);
    expect(kept?.question).not.toMatch(/pat@example\.org|12 Mill Lane/);
    client.end();
  });

  test('a "yes" is counted; anything else after an answer is a new question', async () => {
    const { token, conversationId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.say('how do I pay my council tax');
    await client.botReplies(2);
    await client.say('Yes, that helped');
    const [, , thanks] = await client.botReplies(3);
    expect(metaOf(thanks ?? {})).toMatchObject({ action: 'feedbackRecorded', helpful: true });
    await client.say('what day are the bins collected');
    await client.say('no');
    const replies = await client.botReplies(5);
    expect(metaOf(replies[4] ?? {})).toMatchObject({ action: 'feedbackRecorded', helpful: false });
    await client.say('yes');
    const afterwards = await client.botReplies(6);
    expect(metaOf(afterwards[5] ?? {}).action).not.toBe('feedbackRecorded');
    const { since, until } = everything();
    const feedback = (await harness.app.repositories.analytics.list(since, until, ['feedback'])).filter(
      (event) => event.conversationId === conversationId,
    );
    expect(feedback.map((event) => event.helpful)).toEqual([true, false]);
    client.end();
  });

  test('a question the bot cannot answer is kept for editors with the closest article', async () => {
    const { token, conversationId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.say('can I keep chickens in my back garden, call me on 07700 900123');
    const [, reply] = await client.botReplies(2);
    expect(metaOf(reply ?? {}).action).toBe('noMatch');
    const { since, until } = everything();
    const [kept] = (await harness.app.repositories.editorQuestions.listBetween(since, until)).filter(
      (question) => question.conversationId === conversationId,
    );
    expect(kept).toMatchObject({ kind: 'unanswered' });
    expect(kept?.question).toMatch(/keep chickens/);
    expect(kept?.question).not.toMatch(/07700/);
    client.end();
  });
});

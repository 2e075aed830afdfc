import { createTestBot, metaOf } from '../support/testBot';

/** A message the shipped detector reads in the check band (signals present, not clear): "is anyone in danger now?". */
const CHECK_BAND = 'samaritans';

async function inAForm() {
  const testBot = await createTestBot();
  await testBot.adapter
    .send('report a missed bin')
    .assertReply((reply) =>
      expect(metaOf(reply)).toMatchObject({ action: 'prompt', form: 'missed-bin', field: 'postcode' }),
    );
  return testBot;
}

describe('a check-band message in the middle of a request form', () => {
  test('asks whether anyone is in danger first, without handing off; "no" gives numbers and the form carries on', async () => {
    const { adapter, handoff } = await inAForm();
    await adapter
      .send(CHECK_BAND)
      .assertReply((reply) => expect(reply.text).toMatch(/Is anyone in danger right now\?/))
      .send('No, not right now')
      .assertReply((reply) => expect(reply.text ?? '').not.toMatch(/Is anyone in danger/))
      .assertReply((reply) =>
        expect(metaOf(reply)).toMatchObject({ action: 'prompt', form: 'missed-bin', field: 'postcode' }),
      )
      .send('EM1 1AA')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ form: 'missed-bin', field: 'address' }));
    expect(handoff.requests).toEqual([]);
  });

  test('"yes" gives the full emergency reply and urgent routing to a person', async () => {
    const { adapter, handoff } = await inAForm();
    await adapter
      .send(CHECK_BAND)
      .assertReply((reply) => expect(reply.text).toMatch(/Is anyone in danger right now\?/))
      .send('Yes, someone is in danger now')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgentCategory: 'selfHarm' }));
    expect(handoff.requests).toMatchObject([{ reason: 'urgent', priority: 'urgent', urgentCategory: 'selfHarm' }]);
  });

  test('a sure emergency in a form is still signposted at once and handed off', async () => {
    const { adapter, handoff } = await inAForm();
    await adapter
      .send('i can smell gas in my kitchen')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgentCategory: 'gas' }));
    expect(handoff.requests).toMatchObject([{ reason: 'urgent', urgentCategory: 'gas' }]);
  });
});

import { signWebhook, verifyWebhookSignature } from '../../src/requests/webhookSignature';

// A fixed vector, computed independently with:
//   printf '%s' '1767225600.{"event":...}' | openssl dgst -sha256 -hmac 'test-secret-for-the-crm-webhook-0123456789'
const SECRET = 'test-secret-for-the-crm-webhook-0123456789';
const TIMESTAMP = 1767225600;
const BODY = '{"event":"serviceRequest.submitted","request":{"reference":"SR-7K3M9QXA"}}';
const EXPECTED = 't=1767225600,v1=28e5255aa404fc11a939a7b58b6f1dfc02dd6541782a740a9d8633994896148a';

describe('the CRM webhook signature', () => {
  test('matches the fixed test vector', () => {
    expect(signWebhook(SECRET, TIMESTAMP, BODY)).toBe(EXPECTED);
  });

  test('verifies, and refuses a changed body, another secret, an old timestamp or a malformed header', () => {
    expect(verifyWebhookSignature(SECRET, EXPECTED, BODY, TIMESTAMP + 10)).toEqual({ ok: true });
    expect(verifyWebhookSignature(SECRET, EXPECTED, `${BODY} `, TIMESTAMP)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(`${SECRET}x`, EXPECTED, BODY, TIMESTAMP)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(SECRET, EXPECTED, BODY, TIMESTAMP + 301)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature(SECRET, 'v1=abc', BODY, TIMESTAMP)).toEqual({ ok: false, reason: 'malformed' });
    const replayedWithNewTime = EXPECTED.replace('t=1767225600', 't=1767229200');
    expect(verifyWebhookSignature(SECRET, replayedWithNewTime, BODY, 1767229200)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });
});

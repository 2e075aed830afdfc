/**
 * The service URL forms the Bot Framework Emulator uses on the same machine, spelt out literally: `localhost`,
 * `127.0.0.1` or `[::1]`, an optional port, a plain path, no query, credentials or fragment. Numeric spellings that
 * URL parsers also read as loopback (`0x7f000001`, `2130706433`, `127.1`) and `0.0.0.0` are refused on purpose: only
 * the Emulator needs this, and it never writes them.
 */
const EMULATOR_SERVICE_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/;

/** True for an Emulator-style loopback service URL (see `EMULATOR_SERVICE_URL`); false for anything else. */
export function isLoopbackUrl(value: string): boolean {
  return value.length <= 256 && EMULATOR_SERVICE_URL.test(value);
}

import { randomInt } from 'node:crypto';
import { argon2id, hash, verify } from 'argon2';

/** OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane): about 50 ms here, and cheap enough for 2 shared cores. */
const ARGON2_OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches `hash`; false for a wrong password or a hash that is not argon2's. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the time a real check would, for an email with no account, so the response time does not tell an
 * attacker which emails have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not a real password, only for timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

// No 0/O, 1/l/I: easy to read aloud and type.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password (4 groups of 5, about 117 bits) for the bootstrap account and one-time passwords. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** A problem with a new password, in words for the person choosing it; undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (new Set(password).size < 5) return 'Password must not repeat the same few characters';
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0] ?? email)) {
    return 'Password must not contain your email address';
  }
  return undefined;
}

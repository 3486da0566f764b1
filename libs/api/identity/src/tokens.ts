import { hash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret for the client, and the hash we store instead of it. */
export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

// Tokens carry 256 random bits: a fast hash is enough (no brute force to slow down).
// Every signed-in request hashes its token: the one-shot hash costs a third of a Hash object's.
export function hashToken(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

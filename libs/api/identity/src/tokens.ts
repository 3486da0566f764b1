import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret for the client, and the hash we store instead of it. */
export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

// Tokens carry 256 random bits: a fast hash is enough (no brute force to slow down).
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

import { hash, verify } from '@node-rs/argon2';

// OWASP's floor for argon2id: 19 MiB of memory, 2 iterations, 1 lane.
// (Algorithm 2 is Argon2id; the package's enum is a const enum SWC cannot inline.)
const options = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options as Parameters<typeof hash>[1]);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // No hash (unknown e-mail, invitation not accepted): still spend the same time,
  // so timing does not tell which e-mails have accounts.
  const target = passwordHash ?? (await dummyHash());
  try {
    const ok = await verify(target, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not a real password: timing equaliser');
  return dummy;
}

// jest globalTeardown: stop what the global setup started and drop its database.
import { stopStack } from './harness';

export default async function globalTeardown(): Promise<void> {
  await stopStack();
}

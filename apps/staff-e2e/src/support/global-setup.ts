// jest globalSetup: start the stack (see harness.ts).
import { startStack } from './harness';

export default async function globalSetup(): Promise<void> {
  await startStack();
}

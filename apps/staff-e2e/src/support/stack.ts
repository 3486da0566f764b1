// What the journeys build on: where the running stack is, and a browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
// tools/dev is the workspace's Node tooling (no Nx project): the same browser finder serves every tool.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { findBrowser } from '../../../../tools/dev/browser.cjs';

export interface Stack {
  staffUrl: string;
  apiUrl: string;
  databaseUrl: string;
}

/** Where the global setup records the stack it started (also read by getStack()). */
export const stackFile = path.resolve(__dirname, '../../../../tmp/e2e/stack.json');

/**
 * The stack under test. The global setup exports E2E_STAFF_URL, E2E_API_URL and
 * E2E_DATABASE_URL (set all three yourself to run the journeys against a stack
 * you started, e.g. with `npm start`); tmp/e2e/stack.json is the fallback.
 */
export function getStack(): Stack {
  const { E2E_STAFF_URL, E2E_API_URL, E2E_DATABASE_URL } = process.env;
  if (E2E_STAFF_URL && E2E_API_URL && E2E_DATABASE_URL) {
    return { staffUrl: E2E_STAFF_URL, apiUrl: E2E_API_URL, databaseUrl: E2E_DATABASE_URL };
  }
  try {
    const stack = JSON.parse(fs.readFileSync(stackFile, 'utf8')) as Stack;
    return { staffUrl: stack.staffUrl, apiUrl: stack.apiUrl, databaseUrl: stack.databaseUrl };
  } catch {
    throw new Error('No e2e stack: run the journeys through `nx e2e staff-e2e` (jest -c apps/staff-e2e/jest.config.cjs), whose global setup starts it.');
  }
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one
 * inside the npm package @sparticuz/chromium (unpacked once into node_modules/.cache).
 * See tools/dev/browser.cjs and decision 060.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await findBrowser();
  return chromium.launch({ executablePath: browser.executablePath, headless: true, args: chromiumArgs, env: { ...process.env, ...browser.env } });
}

// Smoke test of the e2e harness itself: the stack answers and the browser runs.
import { getStack, launchBrowser } from './stack';

describe('e2e harness', () => {
  it('started the api and the staff app', async () => {
    const { apiUrl, staffUrl, databaseUrl } = getStack();
    expect(databaseUrl).toMatch(/^postgres(ql)?:\/\//);
    expect((await fetch(`${apiUrl}/health/ready`)).status).toBe(200);
    expect((await fetch(`${staffUrl}/healthz`)).status).toBe(200);
  });

  it('opens the staff app in Chromium', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(getStack().staffUrl);
      expect(response?.status()).toBeLessThan(500);
    } finally {
      await browser.close();
    }
  });
});

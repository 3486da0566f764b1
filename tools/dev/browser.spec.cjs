const { describe, it, expect } = require('@jest/globals');
const { chooseBrowser, packagedBrowserEnv, DEBIAN_CHROMIUM } = require('./browser.cjs');

/** isExecutableFile over a made-up machine. */
const executables =
  (...files) =>
  (file) =>
    files.includes(file);

describe('chooseBrowser', () => {
  it('uses CHROMIUM_PATH first, even when Debian chromium and the package are there', () => {
    const choice = chooseBrowser({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      isExecutableFile: executables('/opt/chrome/chrome', DEBIAN_CHROMIUM),
      packagedVersion: '153.0.0',
      arch: 'x64',
    });
    expect(choice).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/chrome/chrome' });
  });

  it('refuses a CHROMIUM_PATH that is not an executable file instead of quietly using another browser', () => {
    const choice = chooseBrowser({ env: { CHROMIUM_PATH: '/nope' }, isExecutableFile: executables(DEBIAN_CHROMIUM), packagedVersion: '153.0.0', arch: 'x64' });
    expect(choice).toEqual({ error: expect.stringMatching(/^CHROMIUM_PATH=\/nope is not an executable file/) });
  });

  it("uses Debian's /usr/bin/chromium when CHROMIUM_PATH is unset or empty", () => {
    for (const env of [{}, { CHROMIUM_PATH: '' }]) {
      expect(chooseBrowser({ env, isExecutableFile: executables(DEBIAN_CHROMIUM), packagedVersion: '153.0.0', arch: 'x64' })).toEqual({
        source: 'debian',
        executablePath: DEBIAN_CHROMIUM,
      });
    }
  });

  it('falls back to the Chromium inside @sparticuz/chromium when Debian chromium is missing (or hidden)', () => {
    expect(chooseBrowser({ env: {}, isExecutableFile: executables(), packagedVersion: '153.0.0', arch: 'x64' })).toEqual({
      source: 'packaged',
      executablePath: null,
      version: '153.0.0',
    });
  });

  it('does not offer the packaged x64 build on another architecture', () => {
    const choice = chooseBrowser({ env: {}, isExecutableFile: executables(), packagedVersion: '153.0.0', arch: 'arm64' });
    expect(choice.error).toMatch(/@sparticuz\/chromium has no build for arm64.*CHROMIUM_PATH/);
  });

  it('says how to get a browser when there is none', () => {
    const choice = chooseBrowser({ env: {}, isExecutableFile: executables(), packagedVersion: null, arch: 'x64' });
    expect(choice.error).toMatch(/no Chromium.*npm ci.*CHROMIUM_PATH.*apt-get install chromium/);
  });
});

describe('packagedBrowserEnv', () => {
  it("puts the package's libraries before the machine's and points fontconfig at its folder", () => {
    expect(packagedBrowserEnv('/c/chromium-153.0.0', { LD_LIBRARY_PATH: '/usr/local/lib' })).toEqual({
      LD_LIBRARY_PATH: '/c/chromium-153.0.0/al2023/lib:/usr/local/lib',
      FONTCONFIG_PATH: '/c/chromium-153.0.0',
    });
    expect(packagedBrowserEnv('/c/x', {}).LD_LIBRARY_PATH).toBe('/c/x/al2023/lib');
  });
});

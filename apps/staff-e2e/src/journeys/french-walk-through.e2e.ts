import { en, fr } from '@crm/i18n';
import type { Locator, Page } from 'playwright-core';
import { asUser, demo, expectAccessible, journeyBrowser, newVisitor, staffUrl } from './journey-helpers';

// Every screen each role may reach, in French, at desktop and phone widths (issue 10:
// "nothing English is left in the French app"). One signed-in page per role, each
// screen loaded once and judged at both widths: the page's language, no English
// catalogue message on it (a message whose French differs), axe-core, and no
// sideways scrolling on a phone.
const desktop = { width: 1366, height: 900 };
const phone = { width: 390, height: 844 };

// English messages a French screen must not show: those whose French differs and that are
// not themselves French somewhere (a word both languages write the same way is no finding).
const frenchTexts = new Set(Object.values(fr).map(normalise));
const english = Object.entries(en)
  .filter(([key, text]) => fr[key as keyof typeof fr] !== text)
  .map(([, text]) => normalise(text))
  .filter((text) => !frenchTexts.has(text));
// Plain messages compare whole; a message with placeholders as a pattern, when its words say enough.
const englishPlain = english.filter((text) => !text.includes('{'));
const englishPatterns = english
  .filter((text) => text.includes('{') && text.replace(/\{\w+\}/g, '').replace(/[^A-Za-z]/g, '').length >= 6)
  .map(
    (text) =>
      `^${text
        .split(/\{\w+\}/)
        .map(escapeRegExp)
        .join('.+')}$`,
  );

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Every screen a link leads to, once per kind (a record's id stands for all): not downloads,
// exports, resource routes, sign-out or the public pages (their own journeys).
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const notScreens = new RegExp(
  [
    '^/(sign-out|language|list-columns|saved-views|healthz|public|invitation|reset-password|forgot-password)(/|$)',
    '/(options|export|sync|rejected|ics|packing-pdf)$',
    '^/pledges/of$',
    '^/events/[^/]+/mail$',
    '/download/',
    '\\.(csv|xlsx|ics|pdf)$',
  ].join('|'),
);
const screenKind = (path: string) => path.replace(uuid, ':id');

async function links(within: Page | Locator): Promise<string[]> {
  const hrefs = await within.locator('a[href^="/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  // The address without its query, but a merge screen's `?with=` (the screen needs both records).
  return hrefs.map((href) => (/\/merge\?with=/.test(href) ? href.split('&')[0] : href.split(/[?#]/)[0])).filter((href) => !notScreens.test(href));
}

// The demo seed's own data that happens to read like a message ("Owner" is an affiliation title there).
const seedData = new Set(['“Owner”']);

type Finding = string;
const axeChecked = new Set<string>();

/** What is wrong with the screen as it is now, at the viewport's width. */
async function judge(page: Page, where: string, width: number): Promise<Finding[]> {
  const found: Finding[] = [];
  const seen = await page.evaluate(
    ({ plain, patterns }) => {
      const english = new Set(plain);
      const regexes = patterns.map((pattern) => new RegExp(pattern));
      const isEnglish = (text: string) => english.has(text) || regexes.some((regex) => regex.test(text));
      const hits = new Set<string>();
      const visible = (element: Element | null) => !!element && element.checkVisibility({ visibilityProperty: true });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('script, style, noscript, [lang="en"]')) continue;
        if (isEnglish(text) && visible(parent.closest('option') ? parent.closest('select') : parent)) hits.add(`“${text}”`);
      }
      // What a screen reader says or a field shows before anything is typed.
      for (const element of Array.from(document.body.querySelectorAll('[aria-label], [placeholder], [title]'))) {
        if (element.closest('[lang="en"]')) continue;
        for (const attribute of ['aria-label', 'placeholder', 'title']) {
          const text = (element.getAttribute(attribute) ?? '').replace(/\s+/g, ' ').trim();
          if (text && isEnglish(text)) hits.add(`${attribute} “${text}”`);
        }
      }
      const title = document.title.split(' · ')[0].trim();
      if (isEnglish(title)) hits.add(`title “${title}”`);
      return { lang: document.documentElement.lang, english: [...hits], scrollWidth: document.documentElement.scrollWidth };
    },
    { plain: englishPlain, patterns: englishPatterns },
  );
  if (seen.lang !== 'fr') found.push(`${where} (${width} px): html lang is “${seen.lang}”`);
  for (const text of seen.english) if (!seedData.has(text)) found.push(`${where} (${width} px): English ${text}`);
  if (width <= phone.width && seen.scrollWidth > width) found.push(`${where} (${width} px): scrolls sideways (${seen.scrollWidth} px wide)`);
  // axe-core once per kind of screen and width, whoever reaches it first (the roles differ in data, not in markup).
  const axeKey = `${screenKind(where)}@${width}`;
  if (axeChecked.has(axeKey)) return found;
  axeChecked.add(axeKey);
  try {
    await expectAccessible(page, `${where} (${width} px)`);
  } catch (error) {
    found.push((error as Error).message);
  }
  return found;
}

async function settle(page: Page, width: number): Promise<void> {
  // Remix's router exists once the page is hydrated (what the client draws is judged too).
  await page.waitForFunction(() => document.readyState === 'complete' && '__remixRouter' in window, null, { timeout: 10_000 });
  // The shell animates its navigation away when the window narrows: judge the layout once it settles.
  if (width <= phone.width) {
    await page.waitForFunction((w) => document.documentElement.scrollWidth <= w, width, { timeout: 2_000 }).catch(() => undefined);
  }
}

/** Walks every screen the signed-in user may reach (the navigation, then what its screens link to); returns the findings. */
async function walk(page: Page): Promise<{ screens: string[]; findings: Finding[] }> {
  const findings: Finding[] = [];
  const nav = await links(page.locator('nav').first());
  // A search with results too, where the role may search.
  const queue = [...new Set(['/', ...nav, '/account', ...(nav.includes('/search') ? ['/search?q=a'] : [])])];
  const kinds = new Set(queue.map(screenKind));
  const screens: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const path = queue[i];
    await page.setViewportSize(desktop);
    const response = await page.goto(staffUrl(path));
    screens.push(path);
    if (!response || response.status() >= 400) {
      findings.push(`${path}: answered ${response?.status()}`);
      continue;
    }
    await settle(page, desktop.width);
    findings.push(...(await judge(page, path, desktop.width)));
    for (const href of await links(page)) {
      if (kinds.has(screenKind(href))) continue;
      kinds.add(screenKind(href));
      queue.push(href);
    }
    await page.setViewportSize(phone);
    await settle(page, phone.width);
    findings.push(...(await judge(page, path, phone.width)));
  }
  return { screens, findings };
}

/** Signed in as `email`, in French (chosen as a person does, then put back), every screen walked. */
function walkInFrench(email: string): Promise<{ screens: string[]; findings: Finding[] }> {
  return asUser(
    email,
    async (page) => {
      // The saved preference wins over the browser's language.
      const before = await page.getAttribute('html', 'lang');
      if (before !== 'fr') {
        await page.getByTestId('language-fr').click();
        await page.waitForFunction(() => document.documentElement.lang === 'fr');
      }
      try {
        return await walk(page);
      } finally {
        if (before && before !== 'fr') {
          await page.goto(staffUrl('/'));
          await page.getByTestId(`language-${before}`).click();
          await page.waitForFunction((lang) => document.documentElement.lang === lang, before);
        }
      }
    },
    { locale: 'fr-CA', viewport: desktop },
  );
}

// The walk trusts axe-core to fail a screen: it must bite at both widths (in legacy mode, see expectAccessible).
describe('the accessibility check', () => {
  it('fails a page with a nameless button and an image without a text alternative', async () => {
    const { context, page } = await newVisitor(await journeyBrowser());
    try {
      await page.setContent('<html lang="fr"><body><main><h1>Essai</h1><button><svg></svg></button><img src="data:,"></main></body></html>');
      for (const viewport of [desktop, phone]) {
        await page.setViewportSize(viewport);
        await expect(expectAccessible(page, 'a bad page')).rejects.toThrow(/button-name \(critical\)[\s\S]*image-alt \(critical\)/);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the whole staff app in French', () => {
  const roles = [
    { who: 'an administrator', email: demo.admin },
    { who: 'national staff', email: demo.staff },
    { who: 'a coordinator', email: demo.ontario },
    { who: 'a member contact', email: demo.member },
    { who: 'a funder', email: demo.funder },
  ];
  // The roles walk side by side (one browser, a page each): most of a screen's time is spent waiting for the servers.
  const walks = new Map<string, Promise<{ screens: string[]; findings: Finding[] }>>();
  beforeAll(() => {
    for (const { email } of roles) {
      const walked = walkInFrench(email);
      walked.catch(() => undefined); // reported by its test below
      walks.set(email, walked);
    }
  });

  it.each(roles)(
    '$who sees every screen they may reach in French, accessible, without sideways scrolling on a phone',
    async ({ email }) => {
      const { screens, findings } = (await walks.get(email)) ?? { screens: [], findings: [] };
      expect(screens.length).toBeGreaterThan(2);
      expect(findings).toEqual([]);
    },
    // All five walks together took 110 s at load 7–9 (the administrator reaches 47 kinds of screen); room for a busy machine.
    600_000,
  );
});

/**
 * Every page in the five other UN languages, in headless Chromium: the document says its language
 * and direction, the navigation is the language's own, no message key or raw plural syntax leaks
 * onto the page, nothing scrolls sideways on a phone, axe finds nothing serious, and no console
 * errors. The language switcher keeps the view; the suggestion from the browser's languages is a
 * link, never a redirect. Screenshots go to /tmp/shots/lang-*.png (look at ar and zh especially).
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { ar } from '../../src/lib/i18n/catalogs/ar.ts';
import { es } from '../../src/lib/i18n/catalogs/es.ts';
import { fr } from '../../src/lib/i18n/catalogs/fr.ts';
import { ru } from '../../src/lib/i18n/catalogs/ru.ts';
import { zh } from '../../src/lib/i18n/catalogs/zh.ts';
import type { Messages } from '../../src/lib/i18n/en.ts';
import { browserSuite, chartsDrawn, horizontalOverflow, openPage, seriousAxeViolations } from './harness.ts';

const PAGES = ['/', '/stakeholders', '/regions', '/gender', '/global-south', '/representation', '/sessions', '/published', '/methodology', '/data'];
const LANGUAGES: { code: string; tag: string; dir: 'ltr' | 'rtl'; messages: Messages }[] = [
  { code: 'ar', tag: 'ar', dir: 'rtl', messages: ar },
  { code: 'zh', tag: 'zh-Hans', dir: 'ltr', messages: zh },
  { code: 'fr', tag: 'fr', dir: 'ltr', messages: fr },
  { code: 'ru', tag: 'ru', dir: 'ltr', messages: ru },
  { code: 'es', tag: 'es', dir: 'ltr', messages: es }
];
const NAV_KEYS = ['nav.overview', 'nav.stakeholders', 'nav.regions', 'nav.gender', 'nav.global-south', 'nav.representation', 'nav.sessions', 'nav.published', 'nav.methodology', 'nav.data'] as const;
const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const suite = browserSuite();

/** Text a reader sees that only a missing message or an unfilled template would put there. */
async function leakedTemplates(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = document.body.innerText;
    const found = [
      ...(text.match(/\{\s*\w+\s*,\s*plural\s*,[^}]*/g) ?? []),
      ...(text.match(/\{[a-z_]+\}/g) ?? []),
      ...(text.match(/\b(?:nav|chart|record|method|data|report|overview|filters|download|plot\.aria|category|definition)\.[a-z_.-]+\b/g) ?? []).filter((m) => !/\.(?:csv|json|arrow|parquet|zip|png|svg|pdf)$/.test(m))
    ];
    return [...new Set(found)];
  });
}

describe.each(LANGUAGES)('pages in $code', ({ code, tag, dir, messages }) => {
  for (const path of PAGES) {
    const localized = path === '/' ? `/${code}` : `/${code}${path}`;
    it(`${localized}: lang, dir, its own navigation, no leaked keys, fits a phone, axe clean`, async () => {
      for (const width of [1280, 375]) {
        const { page, errors } = await openPage(suite, localized, { width });
        await chartsDrawn(page);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([tag, dir]);
        const nav = await page.locator('nav.pages a').allInnerTexts();
        expect(nav.map((s) => s.trim())).toEqual(NAV_KEYS.map((k) => messages[k]));
        // Every navigation link stays in the language.
        const hrefs = await page.locator('nav.pages a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(hrefs.every((h) => h === `/${code}` || h?.startsWith(`/${code}/`) || h?.startsWith(`/${code}?`))).toBe(true);
        expect(await leakedTemplates(page)).toEqual([]);
        const name = `lang-${code}-${(path.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'overview')}-${width}`;
        await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
        if (width === 1280) expect(await seriousAxeViolations(page)).toEqual([]);
        else expect(await horizontalOverflow(page)).toBeLessThanOrEqual(1);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});

describe('choosing a language', () => {
  it('the switcher leads to the same view, filters kept, and back', async () => {
    const { page } = await openPage(suite, '/regions?from=2010');
    const links = page.locator('nav.languages a');
    expect(await links.allInnerTexts()).toEqual(['English', 'العربية', '中文', 'Français', 'Русский', 'Español']);
    await page.locator('nav.languages a[hreflang="fr"]').click();
    await page.waitForURL('**/fr/regions?from=2010');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.locator('h1').innerText()).toBe(fr['nav.regions']);
    await page.locator('nav.languages a[hreflang="en"]').click();
    await page.waitForURL((url) => url.pathname === '/regions' && url.search === '?from=2010');
    expect(await page.locator('h1').innerText()).toBe(en['nav.regions']);
    await page.close();
  });

  it('every page names its six versions with hreflang', async () => {
    const { page } = await openPage(suite, '/ru/gender?from=2015');
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname + new URL(l.getAttribute('href')!).search])
    );
    expect(alternates).toEqual([
      ['en', '/gender?from=2015'],
      ['ar', '/ar/gender?from=2015'],
      ['zh-Hans', '/zh/gender?from=2015'],
      ['fr', '/fr/gender?from=2015'],
      ['ru', '/ru/gender?from=2015'],
      ['es', '/es/gender?from=2015'],
      ['x-default', '/gender?from=2015']
    ]);
    await page.close();
  });

  it('a reader whose browser asks for Spanish is offered it on an English page, once, never redirected', async () => {
    const context = await suite.browser.newContext({ locale: 'es-AR', viewport: { width: 1280, height: 900 } });
    const { page } = await openPage(suite, '/gender', { context });
    expect(new URL(page.url()).pathname).toBe('/gender');
    const offer = page.locator('[data-language-suggestion="es"]');
    await offer.waitFor();
    expect(await offer.locator('a').getAttribute('href')).toBe('/es/gender');
    await offer.locator('button').click();
    expect(await offer.count()).toBe(0);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('[data-language-suggestion]').count()).toBe(0);
    await context.close();
  });

  it('a reader whose browser asks only for English is offered nothing', async () => {
    const context = await suite.browser.newContext({ locale: 'en-GB' });
    const { page } = await openPage(suite, '/', { context });
    await page.waitForTimeout(200);
    expect(await page.locator('[data-language-suggestion]').count()).toBe(0);
    await context.close();
  });

  it('a link within one language navigates in the page; a plain link into another language loads that page afresh', async () => {
    const { page, errors } = await openPage(suite, '/fr/regions');
    const marked = () => page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument === true);
    await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));
    await page.locator('nav.pages a[href^="/fr/sessions"]').click();
    await page.waitForURL((url) => url.pathname === '/fr/sessions');
    await page.locator('h1', { hasText: fr['nav.sessions'] }).waitFor();
    expect(await marked()).toBe(true);
    // A link without data-sveltekit-reload (the root load reads the language once per page load).
    await page.evaluate(() => {
      const a = Object.assign(document.createElement('a'), { href: '/published', id: 'plain-link', textContent: 'published' });
      document.querySelector('main')!.append(a);
    });
    await page.locator('#plain-link').click();
    await page.waitForURL((url) => url.pathname === '/published');
    await page.waitForLoadState('networkidle');
    expect(await marked()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').innerText()).toBe(en['nav.published']);
    expect(await page.locator('nav.pages a[href^="/sessions"]').innerText()).toBe(en['nav.sessions']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page loads only its own language’s catalog', async () => {
    const english = await openPage(suite, '/regions');
    const french = await openPage(suite, '/fr/regions');
    // The catalog chunk is the only script that differs between the two.
    const only = (a: string[], b: string[]) => a.map((u) => u.split('/').pop()).filter((f) => !b.map((u) => u.split('/').pop()).includes(f));
    expect(only(french.scripts, english.scripts)).toHaveLength(1);
    expect(only(english.scripts, french.scripts)).toHaveLength(1);
    await english.page.close();
    await french.page.close();
  });
});

/**
 * The built site (dist/): every promised page exists, every internal link and fragment resolves,
 * pages are linked to each other as the standard relates them, and the JSON data is complete.
 * Run after `npm run build` (npm test does this).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStandardContent } from '../../src/lib/content/standard-content';
import { createStandard } from '../../src/lib/standard';
import { paths } from '../../src/lib/urls';
import { EARLY_CLICK_SCRIPT } from '../../src/client/early-click.mjs';
import { DIST, distBuilt, fileFor, htmlPages, idsIn, linksIn, mainOf, openSite, readPage, textOf } from '../support/dist';
import { assetLinks, brokenAssetLinks, brokenLinks } from '../support/links';

if (!distBuilt) throw new Error('dist/ is not built: run `npm run build` first (npm test does).');

const standard = createStandard(loadStandardContent());
const dist = openSite(DIST);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every URL the site promises (README, "URLs"). */
const promised = [
  paths.home,
  paths.about,
  paths.ksbs,
  paths.duties,
  paths.epa,
  paths.gateway,
  paths.grading,
  paths.method('am1'),
  paths.method('am2'),
  paths.changes,
  ...standard.ksbs.map((k) => paths.ksb(k.code)),
  ...standard.duties.map((d) => paths.duty(d.number)),
  ...standard.themes.map((t) => paths.theme(t)),
  '/404.html',
  paths.standardJson,
  '/sitemap-index.xml',
  '/robots.txt',
  '/favicon.svg',
  paths.favicon,
];

describe('every promised page exists', () => {
  it.each(promised)('%s', (path) => {
    expect(fileFor(path), path).toBeDefined();
  });

  it('includes the eleven theme URLs exactly as published', () => {
    expect(standard.themes.map((t) => paths.theme(t))).toEqual([
      '/epa/am1/model-scoping/',
      '/epa/am1/experiment-and-tracking/',
      '/epa/am1/model-deployment/',
      '/epa/am1/collaborative-working/',
      '/epa/am1/sustainability/',
      '/epa/am2/engineering-principles/',
      '/epa/am2/model-testing-and-improvement/',
      '/epa/am2/model-management/',
      '/epa/am2/compliance-and-assurance/',
      '/epa/am2/collaborative-working/',
      '/epa/am2/continuous-professional-development/',
    ]);
  });
});

describe('every internal link, asset and fragment resolves', () => {
  const pages = htmlPages();
  it('finds the pages', () => expect(pages.length).toBeGreaterThanOrEqual(100));
  it.each(pages)('%s', (page) => {
    expect(brokenLinks(dist, page)).toEqual([]);
  });
  it('and so does every path a built stylesheet or script imports', () => {
    expect(assetLinks(dist).length).toBeGreaterThan(10);
    expect(brokenAssetLinks(dist)).toEqual([]);
  });
});

describe('pages are built to the house rules', () => {
  const pages = htmlPages();
  const titles = new Map<string, string>();

  it.each(pages)('%s has one h1, a unique title, a description, a canonical URL and lang en-GB', (page) => {
    const html = readPage(page);
    expect(html).toContain('<html lang="en-GB"');
    expect(html.match(/<h1\b/g), 'h1 count').toHaveLength(1);
    const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
    expect(title).toBeTruthy();
    expect(titles.get(title!), `title "${title}" also used by`).toBeUndefined();
    titles.set(title!, page);
    expect(html).toMatch(/<meta name="description" content="[^"]{50,}"/);
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/);
    expect(html).toContain('href="#main"'); // skip link
  });

  it.each(pages)('%s loads nothing from another origin, and a page without islands runs only the search opener', (page) => {
    const html = readPage(page);
    expect(html.match(/\s(?:src|href)="(?:https?:)?\/\/[^"]*"[^>]*>/g)?.filter((tag) => !/^\s?href="https?:/.test(tag)) ?? []).toEqual([]);
    expect([...html.matchAll(/<link[^>]+href="(https?:[^"]+)"/g)].map((m) => m[1]).filter((u) => !u!.startsWith('http://127.0.0.1'))).toEqual([]);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    const opener = scripts.filter((s) => /src="[^"]*SiteScript[^"]*"/.test(s));
    expect(opener, 'the site script (search opener, offline notice)').toHaveLength(1);
    // A page without islands carries no other script, apart from the one inline script that holds
    // a tap made before an island is ready (src/client/early-click.mjs), exactly as written there.
    expect(html).toContain(`<script>${EARLY_CLICK_SCRIPT}</script>`);
    const allowed = (s: string) => opener.includes(s) || s === '<script>';
    if (!html.includes('<astro-island') && page !== '/search/') expect(scripts.filter((s) => !allowed(s))).toEqual([]);
  });

  it('keeps spaces between words where a line break met a link or an expression', () => {
    // Astro 7's default whitespace compression joins "theme of" + <a> into "theme ofAM1".
    for (const page of pages) {
      const text = textOf(mainOf(readPage(page)));
      expect(text.match(/\b\d+[a-z]{3,}\b/g) ?? [], page).toEqual([]);
      expect(text, page).not.toMatch(/\b(the|of|in|and|to)(AM[12]|Duty|Open)\b/);
    }
  });
});

describe('the icon', () => {
  // Chromium decodes a page's icon on its main thread: an SVG icon starts a whole SVG document there
  // (a long task on a phone, issue #20), a small PNG does not.
  it('is a 32 × 32 PNG, and every page links it (not the SVG it is drawn from)', () => {
    const png = readFileSync(fileFor(paths.favicon)!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
    const wrong = htmlPages().filter((page) => !readPage(page).includes(`<link rel="icon" href="${paths.favicon}" type="image/png" sizes="32x32">`));
    expect(wrong).toEqual([]);
  });
});

describe('KSB pages', () => {
  it.each(standard.ksbs.map((k) => [k.code, k]))('%s quotes its statement and links its duties, theme and method', (code, ksb) => {
    const html = readPage(paths.ksb(code));
    const main = mainOf(html);
    expect(main).toContain(escape(ksb.statement));
    const links = linksIn(main);
    for (const duty of standard.dutiesListing(code)) expect(links, `duty ${duty.number}`).toContain(paths.duty(duty.number));
    expect(links).toContain(paths.theme(standard.themeAssessing(code)));
    expect(links).toContain(paths.method(standard.methodAssessing(code).id));
    for (const criterion of standard.criteriaCiting(code)) expect(main).toContain(escape(criterion.text));
    for (const id of ['statement', 'assessment', 'criteria', 'duties']) expect(idsIn(html).has(id), `#${id}`).toBe(true);
  });

  it('links the other KSBs a criterion cites, but not the page’s own KSB', () => {
    const main = mainOf(readPage(paths.ksb('K7')));
    expect(main).toContain('(<strong>K7</strong>, <a href="/ksbs/s2/">S2</a>)');
  });
});

describe('duty pages', () => {
  it.each(standard.duties.map((d) => [d.number, d]))('duty %s quotes its statement and lists its KSBs by kind', (number, duty) => {
    const html = readPage(paths.duty(number));
    expect(mainOf(html)).toContain(escape(duty.statement));
    const links = linksIn(mainOf(html));
    for (const code of duty.ksbs) expect(links).toContain(paths.ksb(code));
    for (const kind of new Set(standard.ksbsOfDuty(number).map((k) => k.kind))) {
      expect(idsIn(html).has({ knowledge: 'knowledge', skill: 'skills', behaviour: 'behaviours' }[kind])).toBe(true);
    }
  });
});

describe('theme pages', () => {
  it.each(standard.themes.map((t) => [t.id, t]))('%s lists its KSBs and its criteria in the specification’s order', (_id, theme) => {
    const html = readPage(paths.theme(theme));
    const main = mainOf(html);
    for (const code of theme.ksbs) expect(linksIn(main)).toContain(paths.ksb(code));
    const { pass, distinction } = standard.criteriaOfTheme(theme.id);
    const positions = [...pass, ...distinction].map((c) => main.indexOf(escape(c.text)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const c of [...pass, ...distinction]) expect(idsIn(html).has(c.id), c.id).toBe(true);
    if (distinction.length === 0) expect(textOf(main)).toContain('Distinction criteria None.');
  });
});

describe('the grading page', () => {
  it('shows the matrix as a table with Merit', () => {
    const main = mainOf(readPage(paths.grading));
    expect(main).toContain('<table');
    expect(textOf(main)).toContain('Distinction Pass Merit');
    expect(textOf(main)).toContain('Pass Distinction Merit');
  });
});

describe('the progress page', () => {
  it('as built, claims no state and offers nothing to tap until it has read what is saved (so no tap can be lost)', () => {
    const island = /<div[^>]*class="progress progress--reading"[\s\S]*?<\/div>/.exec(mainOf(readPage(paths.progress)))?.[0];
    expect(island).toBeDefined();
    expect(island).not.toMatch(/<(button|input|select|textarea|a)\b/);
    expect(textOf(island!)).not.toMatch(/No evidence yet|Not started|secure|Needs work/i);
  });
});

describe('/api/standard.json', () => {
  const json = JSON.parse(readPage(paths.standardJson));
  it('parses and holds 70 KSBs, 9 duties, 11 themes and 45 criteria', () => {
    expect(json.ksbs).toHaveLength(70);
    expect(json.duties).toHaveLength(9);
    expect(json.themes).toHaveLength(11);
    expect(json.criteria).toHaveLength(45);
  });
  it('resolves relations and carries the licence', () => {
    const s24 = json.ksbs.find((k: { code: string }) => k.code === 'S24');
    expect(s24).toMatchObject({ method: 'am2', theme: 'am2-model-management', duties: [6] });
    expect(json.licence.name).toBe('Open Government Licence v3.0');
  });
});

describe('sitemap and robots', () => {
  it('lists every page in the sitemap, and robots.txt points to it', () => {
    const index = readPage('/sitemap-index.xml');
    const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
    const sitemap = readPage(new URL(sitemapUrl).pathname);
    for (const path of promised.filter((p) => p.endsWith('/'))) expect(sitemap).toContain(`${path}</loc>`);
    // A page search engines must not list (meta robots noindex) is left out; every other page is in.
    const noindex = (p: string) => /<meta name="robots" content="noindex"/.test(readPage(p));
    const pages = htmlPages().filter((p) => p !== '/404.html');
    // Whole paths, not endings: /report/ is not /epa/am1/report/.
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    expect(pages.filter((p) => !noindex(p) && !listed.has(p)), 'pages missing from the sitemap').toEqual([]);
    expect(pages.filter((p) => noindex(p) && listed.has(p)), 'noindex pages in the sitemap').toEqual([]);
    expect(pages.filter(noindex).sort()).toEqual(['/offline/', '/report/']);
    expect(sitemap).not.toContain('404');
    expect(readPage('/robots.txt')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
  });
});

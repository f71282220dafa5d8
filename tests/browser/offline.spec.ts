/**
 * Offline: after a first visit, the service worker has saved the whole site; with the network cut,
 * another KSB page opens, says it is the offline copy, and search still works.
 */
import { expect, test } from '@playwright/test';

test.setTimeout(90_000);
test('after a first visit the site works offline: pages, search and quiz data', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/ksbs/k7/');
  // Wait until the service worker controls the page and has precached everything.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.active?.state;
  });
  await expect
    .poll(
      async () =>
        page.evaluate(async () => {
          const names = await caches.keys();
          let n = 0;
          for (const name of names) n += (await (await caches.open(name)).keys()).length;
          return n;
        }),
      { timeout: 60_000 },
    )
    .toBeGreaterThan(300);
  await expect(page.locator('[data-offline-banner]')).toBeHidden();

  await context.setOffline(true);
  await page.goto('/ksbs/s24/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('S24');
  await expect(page.locator('[data-offline-banner]')).toBeVisible();
  await expect(page.locator('[data-offline-banner]')).toContainText('You are offline');

  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('drift');
  await expect(page.locator('.search-result a').first()).toHaveAttribute('href', '/ksbs/s24/');

  // Quiz questions come from the saved copy too.
  await page.getByRole('button', { name: 'Close search' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.locator('#quiz .quiz').scrollIntoViewIfNeeded();
  await expect(page.locator('#quiz .quiz')).toHaveAttribute('data-ready', 'true');
  await page.locator('#quiz').getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('#quiz .quiz__progress')).toHaveText(/Question 1 of \d/);
  await context.close();
});

test('offline, a page whose saved copy is missing gets the saved offline page, and is saved again online', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/ksbs/k7/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  const cached = () =>
    page.evaluate(async () => {
      const names = await caches.keys();
      let n = 0;
      for (const name of names) n += (await (await caches.open(name)).keys()).length;
      return n;
    });
  await expect.poll(cached, { timeout: 60_000 }).toBeGreaterThan(300);
  // The saved copies of one page and of an island's code go missing.
  const removed = await page.evaluate(async () => {
    const gone: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (path === '/duties/4/index.html' || /\/_astro\/Planner\.[^/]+\.js$/.test(path)) {
          await cache.delete(request);
          gone.push(path);
        }
      }
    }
    return gone;
  });
  expect(removed).toHaveLength(2);
  // ... and the browser's own HTTP cache holds no copy either.
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');

  await context.setOffline(true);
  await page.goto('/duties/4/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not saved for offline use');
  await expect(page.getByRole('link', { name: /all 70 knowledge, skills and behaviours/ })).toBeVisible();

  // A page whose island code is missing (and was never fetched in this browser) says so instead of
  // half-working silently.
  await page.goto('/epa/planner/');
  await expect(page.locator('[data-load-failed]')).toBeVisible({ timeout: 15_000 });

  // Online again: visiting the page saves it again.
  await context.setOffline(false);
  await page.goto('/duties/4/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Duty 4/);
  await expect
    .poll(() =>
      page.evaluate(async () => {
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) if (new URL(request.url).pathname === '/duties/4/index.html') return true;
        }
        return false;
      }),
    )
    .toBe(true);
  await context.close();
});

for (const path of ['/evidence/', '/eligibility/gateway/']) {
  test(`the offline copy is fetched only after the page has settled: ${path}'s islands on load, when idle and on the first screen have started`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    // Record, when the site script registers the service worker, which islands were still waiting to start.
    await page.addInitScript(() => {
      const original = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof original>) {
        const waiting = [...document.querySelectorAll('astro-island[ssr]')].map((island) => {
          const box = island.firstElementChild?.getBoundingClientRect();
          return { client: island.getAttribute('client'), onFirstScreen: !!box && box.top < innerHeight && box.bottom > 0 };
        });
        (window as unknown as { registeredWith: unknown }).registeredWith = { waiting, complete: document.readyState === 'complete' };
        return original.apply(this, args);
      };
    });
    await page.goto(path);
    const registeredWith = () => page.evaluate(() => (window as unknown as { registeredWith?: unknown }).registeredWith ?? null);
    await expect.poll(registeredWith, { timeout: 15_000 }).not.toBeNull();
    const { waiting, complete } = (await registeredWith()) as { waiting: Array<{ client: string; onFirstScreen: boolean }>; complete: boolean };
    expect(complete).toBe(true);
    expect(waiting.filter(({ client, onFirstScreen }) => client === 'load' || client === 'idle' || (client === 'visible' && onFirstScreen))).toEqual([]);
    // The page has an island that starts by itself, so this checked something.
    expect(await page.locator('astro-island:is([client="load"], [client="idle"], [client="visible"])').count()).toBeGreaterThan(0);
    await context.close();
  });
}

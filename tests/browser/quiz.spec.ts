/**
 * Quizzes and mock assessment practice in a real browser: keyboard alone from start to results,
 * history kept across a reload, axe clean mid-quiz and on the results; practice timers and
 * self-marks survive a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, newPage, startPracticeSession, tabTo } from './support';

/** Answers the current question by keyboard: the first option (Space), then Check answer. */
async function answerByKeyboard(page: Page) {
  const quiz = page.locator('#quiz .quiz');
  await expect(page.locator('#quiz .quiz__question')).toBeFocused();
  await page.keyboard.press('Tab'); // to the first option
  await page.keyboard.press('Space'); // select it (radio or checkbox)
  await tabTo(page, quiz.getByRole('button', { name: 'Check answer' }));
  await page.keyboard.press('Enter');
  await expect(quiz.locator('.quiz__feedback h3')).toBeFocused();
}

test('a KSB quiz by keyboard alone, to the results; the history is there after a reload', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/ksbs/k7/');
  const quiz = page.locator('#quiz .quiz');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  await tabTo(page, quiz.getByRole('button', { name: 'Start the quiz' }));
  await page.keyboard.press('Enter');
  await expect(quiz.locator('.quiz__progress')).toHaveText(/^Question 1 of \d+$/);
  const total = Number((await quiz.locator('.quiz__progress').textContent())!.match(/of (\d+)/)![1]); // every K7 question
  for (let i = 1; i <= total; i++) {
    await expect(quiz.locator('.quiz__progress')).toHaveText(`Question ${i} of ${total}`);
    await answerByKeyboard(page);
    // Every question says what it tests: a phrase of K7's statement, or a criterion that cites K7.
    await expect(quiz.locator('[data-tests]')).toHaveText(/^What this tests: (K7’s “.+”|.*criterion)/);
    if (i === 1) expect(await axeViolations(page), 'mid-quiz, with feedback showing').toEqual([]);
    await tabTo(page, quiz.getByRole('button', { name: i === total ? 'See your results' : 'Next question' }));
    await page.keyboard.press('Enter');
  }
  await expect(quiz.locator('h3')).toHaveText(new RegExp(`Your score: \\d out of ${total}`));
  await expect(quiz.locator('h3')).toBeFocused();
  await expect(quiz.getByRole('table')).toContainText('K7');
  expect(await axeViolations(page), 'on the results').toEqual([]);
  const score = (await quiz.locator('h3').textContent())!.match(/(\d) out of/)![1];

  await page.reload();
  await page.locator('#quiz .quiz').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-last-attempt]')).toHaveText(new RegExp(`Last time: ${score} of ${total} right`));
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:quiz')!));
  expect(Object.keys(saved.data.cards)).toHaveLength(total);
  expect(saved.data.answers).toHaveLength(total);
  expect(saved.data.attempts[0].scope).toBe('K7');
});

test('checking without choosing an answer shows an error, not a result', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/epa/am1/sustainability/');
  const quiz = page.locator('#quiz .quiz');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  await quiz.getByRole('button', { name: 'Start the quiz' }).click();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.locator('.field__error')).toContainText('Select');
  await expect(quiz.locator('.quiz__feedback')).toHaveCount(0);
});

test('the quiz page builds a quiz and offers weak KSBs and due reviews from the history', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/quiz/');
  await page.evaluate(() => {
    const questions = { 'k7-skin-lesion-model-choice': { box: 1, due: '2000-01-01', lastAnswered: '2000-01-01', lastCorrect: false, seen: 1, correct: 0 } };
    localStorage.setItem('st1398:v1:quiz', JSON.stringify({ version: 1, savedAt: 'x', data: { questions, attempts: [] } }));
  });
  await page.reload();
  await page.locator('.quiz-builder[data-ready]').waitFor();
  // Saved by the earlier version (Leitner boxes), it loads as FSRS cards. The question tests K7 and S2.
  await expect(page.getByLabel('KSBs that need work (2)')).toBeVisible();
  await expect(page.getByText('Now: K7, S2.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Due for review today (1 question)')).toBeVisible();
  await page.getByLabel('An assessment method').check();
  await page.getByLabel('Method', { exact: true }).selectOption('am2');
  await page.getByLabel('5', { exact: true }).check();
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz__progress')).toHaveText('Question 1 of 5');
  expect(await axeViolations(page)).toEqual([]);
});

// The practice page carries none of its questions (issue #20): they load when a session starts or
// opens, and a failed load says so and loses nothing.
test('practice questions load when a session starts or opens; when they cannot, it says so, starts nothing and keeps the sessions', async ({ browser }) => {
  const page = await newPage(browser);
  const loads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/practice/questions.json')) loads.push(request.url());
  });
  await page.goto('/practice/');
  await page.locator('.practice[data-ready]').waitFor();
  expect(loads).toEqual([]);
  await startPracticeSession(page);
  expect(loads).toHaveLength(1);
  await page.getByRole('button', { name: 'Back to your sessions' }).click();

  // Offline, on a fresh page: opening the saved session and starting another both fail, and say so.
  await page.route('**/practice/questions.json', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByRole('button', { name: /^Continue/ }).click();
  await expect(page.getByRole('alert')).toContainText('The questions did not download');
  await page.getByRole('button', { name: 'Start the session' }).click();
  await expect(page.locator('[data-texts-failed]')).toHaveCount(1);
  await expect(page.locator('#session-heading')).toHaveCount(0);
  await expect(page.locator('.session-list__item')).toHaveCount(1);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('st1398:v1:practice')!).data.sessions.length)).toBe(1);

  // Back online: the same tap opens it, and the message goes.
  await page.unroute('**/practice/questions.json');
  await page.getByRole('button', { name: /^Continue/ }).click();
  await expect(page.locator('#session-heading')).toBeFocused();
  await expect(page.locator('[data-texts-failed]')).toHaveCount(0);
  await page.context().close();
});

test('a practice session: timer and self-marks survive a reload; axe clean', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/practice/');
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByLabel('Professional discussion (AM2)').check();
  await page.getByLabel('6', { exact: true }).check();
  await startPracticeSession(page);
  await expect(page.locator('.timer__clock')).toHaveText('90:00');
  // The question's criterion links to its place on the theme page (rendered only here, so the
  // built-site link checker cannot see it).
  const criterionHref = (await page.locator('.practice-question__criterion a').first().getAttribute('href'))!;
  const [themePath, criterionId] = criterionHref.split('#');
  expect((await page.request.get(themePath!)).status()).toBe(200);
  expect(await (await page.request.get(themePath!)).text()).toContain(`id="${criterionId}"`);
  await page.getByRole('button', { name: 'Start the timer' }).click();
  // "Not yet" is offered for every criterion (a distinction criterion offers no pass mark, and the
  // first question is drawn at random).
  await page.getByLabel('Not yet', { exact: true }).check();
  await page.getByLabel('Your notes (optional)').fill('Mention the PSI thresholds');
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.locator('.quiz__progress')).toContainText('Question 2 of 6');
  expect(await axeViolations(page)).toEqual([]);
  await page.waitForTimeout(2100);
  await page.reload();
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByRole('button', { name: /^Continue/ }).click();
  const clock = await page.locator('.timer__clock').textContent();
  // Still running: the time kept counting across the reload (at least the 2 s waited; a loaded
  // machine may take longer, so no upper bound on the time that passed beyond the session's own).
  const [minutes, seconds] = clock!.split(':').map(Number);
  const left = minutes! * 60 + seconds!;
  expect(left).toBeLessThanOrEqual(90 * 60 - 2);
  expect(left).toBeGreaterThan(80 * 60);
  await page.getByRole('button', { name: 'Previous question' }).click();
  await expect(page.getByLabel('Not yet', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Your notes (optional)')).toHaveValue('Mention the PSI thresholds');
});

test('the end of a practice session lists the criteria marked "not yet", with links, and the questions left unmarked; the timer stays in view', async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 390, height: 700 } });
  await page.goto('/practice/');
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByLabel('Professional discussion (AM2)').check();
  await page.getByLabel('6', { exact: true }).check();
  await startPracticeSession(page);
  const notYetCriteria: string[] = [];
  // The second answer meets its criterion, whether the draw made it a pass or a distinction one.
  for (const [i, mark] of ['Not yet', /^At (pass|distinction) level$/, 'Not yet'].entries()) {
    await expect(page.locator('.quiz__progress')).toContainText(`Question ${i + 1} of 6`);
    await page.getByLabel(mark).check();
    if (mark === 'Not yet') notYetCriteria.push((await page.locator('.practice-question__criterion a').getAttribute('href'))!);
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  // Scrolled to the end of a question, the timer (near the session's top) is still on screen.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('.session')!.getBoundingClientRect().bottom + window.scrollY - window.innerHeight));
  expect(await page.evaluate(() => document.querySelector('.session')!.getBoundingClientRect().top)).toBeLessThan(-300);
  await expect(page.locator('.timer')).toBeInViewport();
  for (let i = 4; i < 6; i++) await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('button', { name: 'Finish the session' }).click();

  const revise = page.locator('[data-revise]');
  const links = revise.locator('.practice-revise > li > p:first-child a');
  await expect(links).toHaveCount(new Set(notYetCriteria).size);
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([...new Set(notYetCriteria)]);
  const notes = revise.locator('a[href*="#in-plain-english"]');
  expect(await notes.count()).toBeGreaterThan(0);
  const [notesPath] = (await notes.first().getAttribute('href'))!.split('#');
  expect(await (await page.request.get(notesPath!)).text()).toContain('id="in-plain-english"');
  await expect(page.getByRole('status')).toContainText('2 not yet, 3 not marked');
  const unmarked = page.locator('[data-unmarked]');
  await expect(unmarked.getByRole('button')).toHaveText(['Question 4', 'Question 5', 'Question 6']);
  expect(await axeViolations(page)).toEqual([]);
  await unmarked.getByRole('button', { name: 'Question 4' }).click();
  await expect(page.locator('.quiz__progress')).toContainText('Question 4 of 6');
});

test('AM1 practice: presentation timer and contents checklist, then questioning', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/practice/');
  await page.locator('.practice[data-ready]').waitFor();
  await page.getByLabel('Presentation and questioning (AM1)').check();
  await page.getByLabel(/Include the assessor/).check();
  await startPracticeSession(page);
  await expect(page.locator('.timer__clock')).toHaveText('22:00');
  await page.getByLabel('An overview of the project.').check();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Finish the presentation and start the questions' }).click();
  await expect(page.locator('.timer__label')).toHaveText('Questioning');
  await expect(page.locator('.timer__clock')).toHaveText('33:00');
});

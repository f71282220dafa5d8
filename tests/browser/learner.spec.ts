/**
 * The learner model as a learner meets it: after a quiz, every page that shows a KSB's state (the
 * quiz results, the KSB page, a KSB list, /progress/ and the quiz page) says the same, and says how
 * much evidence it rests on; answers that were wrong while certain come first in what to do next.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations, newPage, progressDrawn } from './support';

interface BankQuestion {
  id: string;
  question: string;
  type: 'single' | 'multiple' | 'true-false';
  options: Array<{ text: string; correct?: true }>;
}

async function questionsOf(page: Page, code: string): Promise<Map<string, BankQuestion>> {
  const file = (await (await page.request.get(`/api/questions/${code.toLowerCase()}.json`)).json()) as { questions: BankQuestion[] };
  return new Map(file.questions.map((q) => [q.question, q]));
}

/** Answers the question on screen, right or wrong, saying how sure the learner was. */
async function answer(quiz: Locator, bank: Map<string, BankQuestion>, right: boolean, sure?: 'Guessed' | 'Fairly sure' | 'Certain') {
  const text = (await quiz.locator('.quiz__question').textContent())!.trim();
  const question = bank.get(text);
  expect(question, `question on screen is in the bank: ${text}`).toBeDefined();
  const options = question!.options.filter((o) => Boolean(o.correct) === right);
  for (const option of right ? options : options.slice(0, 1)) await quiz.getByLabel(option.text, { exact: true }).check();
  if (sure) await quiz.locator('.quiz__confidence').getByLabel(sure, { exact: true }).check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.locator('.quiz__feedback h3')).toHaveText(right ? 'Correct' : 'Not quite');
}

/** Takes a KSB's page quiz (all its questions); `plan(i)` says how to answer question i (0-based). */
async function takeQuiz(page: Page, code: string, plan: (i: number) => { right: boolean; sure?: 'Certain' }) {
  const bank = await questionsOf(page, code);
  await page.goto(`/ksbs/${code.toLowerCase()}/`);
  const quiz = page.locator('#quiz .quiz');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  await quiz.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(quiz.locator('.quiz__progress')).toHaveText(/^Question 1 of \d+$/);
  const total = Number((await quiz.locator('.quiz__progress').textContent())!.match(/of (\d+)/)![1]);
  for (let i = 0; i < total; i++) {
    await expect(quiz.locator('.quiz__progress')).toHaveText(`Question ${i + 1} of ${total}`);
    await answer(quiz, bank, plan(i).right, plan(i).sure);
    await quiz.getByRole('button', { name: i === total - 1 ? 'See your results' : 'Next question' }).click();
  }
  await expect(quiz.locator('h3').first()).toHaveText(/^Your score:/);
  return { quiz, total };
}

const allRight = () => ({ right: true });

/** A work example for S24 in the evidence log: AM2 assesses S24, so without one it is not secure for the discussion. */
async function logExampleOfS24(page: Page) {
  if (page.url() === 'about:blank') await page.goto('/');
  await page.evaluate(() => {
    const at = new Date().toISOString();
    const entry = { id: 'e-s24', title: 'Drift alerts', date: at.slice(0, 10), ksbs: ['S24'], created: at, updated: at };
    localStorage.setItem('st1398:v1:evidence', JSON.stringify({ version: 1, savedAt: at, data: { entries: [entry], activities: [], plan: {} } }));
  });
}

test('all right on the S24 quiz: the results, the KSB page, a KSB list, progress and the quiz page all say it is not weak, and why', async ({ browser }) => {
  const page = await newPage(browser);
  await logExampleOfS24(page);
  const { quiz, total } = await takeQuiz(page, 'S24', allRight);

  // The results: S24's state with the evidence behind it, and nothing to revise.
  const s24 = quiz.locator('tr[data-ksb="S24"]');
  await expect(s24).toHaveAttribute('data-state', 'secure');
  await expect(s24).toContainText(new RegExp(`Secure\\s*${total} of \\d+ questions tried, all right; estimated recall now \\d+%`));
  await expect(quiz.locator('[data-none-need-work]')).toBeVisible();
  await expect(quiz.locator('[data-certain-wrong]')).toHaveCount(0);
  const summary = (await s24.locator('td').last().textContent())!.replace(/^Secure\s*/, '').trim();

  // The KSB page, after a reload: the same state and the same words.
  await page.reload();
  // The quiz island hydrates when scrolled to; its "where you stand" appears once it has.
  await page.locator('#quiz').scrollIntoViewIfNeeded();
  const stand = page.locator('#quiz .where-you-stand');
  await stand.scrollIntoViewIfNeeded();
  await expect(stand).toHaveAttribute('data-state', 'secure');
  await expect(stand).toContainText(summary);

  // A list of KSBs (duty 6 lists S24).
  await page.goto('/duties/6/');
  await expect(page.locator('[data-state-for="S24"]')).toHaveText('Secure');

  // /progress/: the same state and evidence; nothing to do for S24; no KSB called ready without evidence.
  await page.goto('/progress/');
  await progressDrawn(page);
  const row = page.locator('tr[data-ksb="S24"]');
  await expect(row).toHaveAttribute('data-state', 'secure');
  await expect(row).toContainText(summary);
  await expect(page.locator('[data-step]').filter({ hasText: 'S24' })).toHaveCount(0);
  await expect(page.locator('[data-glance="overall"]')).toContainText('Not ready yet');
  expect(await axeViolations(page)).toEqual([]);

  // The quiz page: no KSB needs work.
  await page.goto('/quiz/');
  await page.locator('.quiz-builder[data-ready]').waitFor();
  await expect(page.getByLabel('KSBs that need work (0)')).toBeVisible();
});

test('two answers wrong while certain: listed first on the results and first in what to do next, with the reason', async ({ browser }) => {
  const page = await newPage(browser);
  await logExampleOfS24(page);
  await takeQuiz(page, 'S24', allRight);
  const { quiz } = await takeQuiz(page, 'K7', (i) => (i < 2 ? { right: false, sure: 'Certain' } : { right: true }));

  const certain = quiz.locator('[data-certain-wrong]');
  await expect(certain.getByRole('heading')).toHaveText('You were certain, but wrong (2)');
  await expect(certain.locator('li')).toHaveCount(2);
  await expect(quiz.locator('tr[data-ksb="K7"]')).toHaveAttribute('data-state', 'needs-work');

  await page.goto('/progress/');
  await progressDrawn(page);
  const first = page.locator('[data-step]').first();
  await expect(first).toHaveAttribute('data-step', 'certain-wrong');
  await expect(first).toContainText('K7: Retake its quiz');
  await expect(first).toContainText('You were certain of 2 answers, but wrong');
  await expect(page.locator('[data-calibration]')).toHaveText('Of the 2 answers you were certain about, 0% were right.');
  await expect(page.locator('tr[data-ksb="S24"]')).toHaveAttribute('data-state', 'secure');
  await expect(page.locator('tr[data-ksb="K7"]')).toHaveAttribute('data-state', 'needs-work');

  await page.goto('/quiz/');
  await page.locator('.quiz-builder[data-ready]').waitFor();
  await expect(page.getByText(/^Now: K7\b/)).toBeVisible();
});

test('a Leitner history saved by the earlier version loads with every question, its answers and its schedule', async ({ browser }) => {
  const page = await newPage(browser);
  const bank = [...(await questionsOf(page, 'S24')).values()].slice(0, 3);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const questions = Object.fromEntries(bank.map((q) => [q.id, { box: 2, due: day(1), lastAnswered: day(-2), lastCorrect: true, seen: 2, correct: 2 }]));
  await page.goto('/progress/');
  await page.evaluate((data) => localStorage.setItem('st1398:v1:quiz', JSON.stringify({ version: 1, savedAt: new Date().toISOString(), data })), { questions, attempts: [] });
  await logExampleOfS24(page);
  await page.reload();
  await progressDrawn(page);
  await expect(page.locator('[data-notice][data-feature="quiz"]')).toHaveCount(0);
  await expect(page.locator('tr[data-ksb="S24"]')).toHaveAttribute('data-state', 'secure');
  await expect(page.locator('tr[data-ksb="S24"]')).toContainText(/3 of \d+ questions tried, all right/);
});

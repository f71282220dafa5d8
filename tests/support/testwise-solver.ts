/**
 * A test-wise solver: answers every question in the bank from surface cues alone, with no subject
 * knowledge, to show whether the wording gives answers away. Each cue is a strategy that picks
 * options by a feature (length, absolute or hedged words, overlap with the stem or the KSB
 * statement, stored position, how many options are usually right, a reason clause, marker words
 * such as "team" or "such as"). Two strategies learn from the rest of the bank: a weighted mix of
 * every feature by logistic regression, scored by 10-fold cross-validation, and a naive Bayes
 * classifier over common English function and connective words (no subject terms), trained on the
 * other KSBs' questions and scored on each KSB's own (held out by KSB). Neither marks a question it
 * was trained on.
 *
 * Ties are scored as a fair coin would break them (the expected score), so a cue that cannot
 * separate options scores exactly chance.
 */

export interface SolverOption {
  text: string;
  correct?: boolean | undefined;
}
export interface SolverQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true-false';
  question: string;
  options: SolverOption[];
  /** The statement of the question's first KSB (a cue: options that echo it). */
  ksbStatement: string;
  /** The question's first KSB code: the word classifier is trained on other groups and scored on this one. */
  group?: string | undefined;
}

export interface CueScore {
  cue: string;
  /** Expected share of questions answered right (all or nothing), 0–1. */
  score: number;
  /** Ids of questions this cue answers right for certain (no tie involved). */
  rightFor: string[];
  /** Printed but not enforced (see ADVISORY_CUES). */
  advisory?: boolean;
}

export interface TypeReport {
  type: SolverQuestion['type'];
  count: number;
  /** What blind guessing scores (single: 1/options; true/false: 0.5; multiple: the most common count at random). */
  chance: number;
  /** The highest score a cue may reach. */
  bound: number;
  cues: CueScore[];
  strongest: CueScore;
}

/* ─────────────────────────────── Wording features ─────────────────────────────── */

/** Words that state a rule without exception. Test-wise readers mark them false or wrong. */
export const ABSOLUTE_WORDS = [
  'always', 'never', 'only', 'all', 'every', 'none', 'no', 'must', 'entirely', 'completely',
  'immediately', 'straight', 'skip', 'ignore', 'guarantee', 'guarantees', 'guaranteed', 'certain',
  'certainly', 'cannot', 'impossible', 'whole', 'any', 'everything', 'nothing', 'solely', 'just',
  'without', 'automatically', 'fully', 'totally', 'forever', 'eliminate', 'eliminates',
];
/** Words that qualify a claim. Test-wise readers mark them true or right. */
export const HEDGE_WORDS = [
  'may', 'might', 'can', 'could', 'often', 'usually', 'some', 'sometimes', 'typically', 'generally',
  'likely', 'unlikely', 'depends', 'depending', 'where', 'when', 'if', 'unless', 'consider',
  'considering', 'balance', 'weigh', 'review', 'reviewing', 'check', 'checking', 'appropriate',
  'proportionate', 'relevant', 'most', 'many', 'tends', 'partly', 'mainly', 'first',
];
const NEGATIONS = ['not', "n't", 'no', 'never', 'none', 'nor', 'without'];

/**
 * A reason clause: the option justifies itself ("…, since the data limits any model", "…, so the
 * team can reuse it", "because …"). Writers tend to give wrong options a reason to make them
 * plausible and leave the key a bare action, so a test-wise reader drops options that argue.
 * "so that" and "therefore" count; "as" where it opens a clause after a comma (", as it …"), but
 * not ", as well as" or ", as if".
 */
export const REASON_CLAUSE = /\b(because|since|so|therefore|hence|thereby)\b|,\s*as\s+(?!well\b|soon\b|much\b|many\b|long\b|far\b|if\b|though\b)/i;
/** Words and phrases that marked options one way in an audit of the bank (November 2026). */
export const MARKERS = {
  /** "team" marked wrong options (77 single options, 4 keys). */
  team: /\bteams?\b/i,
  /** "such as" and other examples marked keys (30 single options, 23 keys). */
  example: /\b(such as|for example|for instance|e\.g\.|including)\b/i,
  /** "or" marked keys: the key covers two cases where distractors commit to one. */
  or: /\bor\b/i,
} as const;

/**
 * Common English function and connective words, and a few everyday words, with no subject terms:
 * the naive Bayes classifier sees only these, so what it learns is the house style of keys and
 * wrong options, not machine learning.
 */
export const FUNCTION_WORDS: readonly string[] = (
  'a an the and or but if so since because as such than then that which who whom whose what when where while ' +
  'though although until unless whether before after once only also even just still yet not no nor never always ' +
  'all any each every some most more less few many much both either neither own same other another this these ' +
  'those it its they them their we our you your i my me he she his her one two three first second last next new ' +
  'old can could may might must should would will shall do does did be is are was were been being have has had ' +
  'to of in on at by for with from into over under about against between through during without within across ' +
  'up down out off again further here there how why very too enough rather instead already ever therefore hence ' +
  'however thus otherwise meanwhile likewise moreover via per team'
).split(' ');
const FUNCTION_SET = new Set(FUNCTION_WORDS);
const STOP = new Set(
  'a an the and or of to in on for with by at from as is are was were be been being it its this that these those you your they their them we our he she his her which who what when how than then so do does did can could would should will into onto about over under'.split(
    ' ',
  ),
);

const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
const contentWords = (text: string) => new Set(words(text).filter((w) => w.length > 2 && !STOP.has(w)).map(stem));
function stem(w: string): string {
  return w.replace(/(ing|ed|es|s|ly)$/, '');
}
function countOf(text: string, list: readonly string[]): number {
  const set = new Set(list);
  return words(text).filter((w) => set.has(w)).length;
}
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / a.size;
}

interface OptionFeatures {
  length: number;
  /** 0 = longest of the question's options, 1 = shortest. */
  lengthRank: number;
  /** Length relative to the question's mean option length. */
  relativeLength: number;
  absolute: number;
  hedge: number;
  stemOverlap: number;
  ksbOverlap: number;
  hasNumber: number;
  /** Steps or parts in the option: commas, semicolons, "and", "then", "with" joining clauses. */
  steps: number;
  /** Stored position, 0 = first, 1 = last. */
  position: number;
  /** 1 if the option gives itself a reason ("since", "because", "so", …). */
  reason: number;
  team: number;
  example: number;
  or: number;
  /** Mean share of content words in common with each other option (Jaccard): low marks the odd one out. */
  likeness: number;
  /** The same over every word of three letters or more, common words included. */
  likenessAllWords: number;
  /** How many other options open with the same two words. */
  sharedOpening: number;
  /** "Process" words (agree, test, measure, record…). */
  process: number;
  /** The modal hedges may, could, might. */
  modal: number;
}

/** How many actions or parts an option strings together: the "does the most" cue. */
export function stepsIn(text: string): number {
  // A comma inside a number (1,200) joins nothing.
  return 1 + (text.match(/(?<!\d),|,(?!\d)|;|\b(and|then|plus|with|before|after|while)\b/gi) ?? []).length;
}

function optionFeatures(q: SolverQuestion): OptionFeatures[] {
  const stemWords = contentWords(q.question);
  const ksbWords = contentWords(q.ksbStatement);
  const lengths = q.options.map((o) => o.text.length);
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const order = [...lengths].sort((a, b) => b - a);
  const n = q.options.length;
  const optionWords = q.options.map((o) => contentWords(o.text));
  const allWords = q.options.map((o) => new Set(words(o.text).filter((w) => w.length > 2)));
  const meanLikeness = (sets: Set<string>[], i: number) =>
    n > 1 ? sets.reduce((sum, w, j) => (j === i ? sum : sum + jaccard(sets[i]!, w)), 0) / (n - 1) : 0;
  const openings = q.options.map((o) => words(o.text).slice(0, 2).join(' '));
  return q.options.map((o, i) => ({
    length: o.text.length,
    lengthRank: n > 1 ? order.indexOf(o.text.length) / (n - 1) : 0,
    relativeLength: o.text.length / mean,
    absolute: countOf(o.text, ABSOLUTE_WORDS),
    hedge: countOf(o.text, HEDGE_WORDS),
    stemOverlap: overlap(contentWords(o.text), stemWords),
    ksbOverlap: overlap(contentWords(o.text), ksbWords),
    hasNumber: /\d/.test(o.text) ? 1 : 0,
    steps: stepsIn(o.text),
    position: n > 1 ? i / (n - 1) : 0,
    reason: REASON_CLAUSE.test(o.text) ? 1 : 0,
    team: MARKERS.team.test(o.text) ? 1 : 0,
    example: MARKERS.example.test(o.text) ? 1 : 0,
    or: MARKERS.or.test(o.text) ? 1 : 0,
    likeness: meanLikeness(optionWords, i),
    likenessAllWords: meanLikeness(allWords, i),
    sharedOpening: openings.filter((x, j) => j !== i && x === openings[i]).length,
    process: processWordCount(o.text),
    modal: countOf(o.text, ['may', 'could', 'might']),
  }));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const union = a.size + b.size - common;
  return union ? common / union : 0;
}

const FEATURE_NAMES = [
  'lengthRank', 'relativeLength', 'absolute', 'hedge', 'stemOverlap', 'ksbOverlap', 'hasNumber', 'steps', 'position',
  'reason', 'team', 'example', 'or', 'likeness', 'sharedOpening',
] as const;
const vector = (f: OptionFeatures) => FEATURE_NAMES.map((k) => f[k]);

/* ─────────────────────────────── Scoring with fair ties ─────────────────────────────── */

/** Expected score of picking the option with the highest value, ties broken at random. */
function pickHighest(values: number[], correct: boolean[]): { expected: number; certain: boolean } {
  const max = Math.max(...values);
  const tied = values.flatMap((v, i) => (v === max ? [i] : []));
  const right = tied.filter((i) => correct[i]).length;
  return { expected: right / tied.length, certain: tied.length === 1 && right === 1 };
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Expected all-or-nothing score of choosing the k options with the highest values (ties at random). */
function pickTopK(values: number[], correct: boolean[], k: number): { expected: number; certain: boolean } {
  const keyCount = correct.filter(Boolean).length;
  if (keyCount !== k) return { expected: 0, certain: false };
  const sorted = [...values].sort((a, b) => b - a);
  const cutoff = sorted[k - 1]!;
  const above = values.flatMap((v, i) => (v > cutoff ? [i] : []));
  const tied = values.flatMap((v, i) => (v === cutoff ? [i] : []));
  const need = k - above.length;
  if (!above.every((i) => correct[i])) return { expected: 0, certain: false };
  const keyInTie = tied.filter((i) => correct[i]).length;
  const keyBelow = values.some((v, i) => v < cutoff && correct[i]);
  if (keyBelow || keyInTie !== need) return { expected: 0, certain: false };
  const p = 1 / binomial(tied.length, need);
  return { expected: p, certain: p === 1 };
}

/** All-or-nothing score of choosing exactly the options a rule selects. */
function pickWhere(selected: boolean[], correct: boolean[]): { expected: number; certain: boolean } {
  const ok = selected.every((s, i) => s === correct[i]);
  return { expected: ok ? 1 : 0, certain: ok };
}

function tally(cue: string, questions: SolverQuestion[], mark: (q: SolverQuestion, i: number) => { expected: number; certain: boolean }): CueScore {
  let total = 0;
  const rightFor: string[] = [];
  questions.forEach((q, i) => {
    const { expected, certain } = mark(q, i);
    total += expected;
    if (certain) rightFor.push(q.id);
  });
  return { cue, score: questions.length ? total / questions.length : 0, rightFor };
}

/* ─────────────────────────────── A learnt mix of cues ─────────────────────────────── */

/** Logistic regression by gradient descent on standardised features. Small and deterministic. */
function train(rows: number[][], labels: number[]): (x: number[]) => number {
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / Math.max(rows.length, 1));
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(rows.length, 1)) || 1);
  const z = rows.map((r) => r.map((v, j) => (v - mean[j]!) / sd[j]!));
  const w = new Array(d).fill(0);
  let b = 0;
  const rate = 0.1;
  const l2 = 0.01;
  for (let epoch = 0; epoch < 300; epoch++) {
    const gw = new Array(d).fill(0);
    let gb = 0;
    z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((s, v, j) => s + v * w[j]!, 0))));
      const e = p - labels[i]!;
      gb += e;
      for (let j = 0; j < d; j++) gw[j] += e * x[j]!;
    });
    b -= (rate * gb) / z.length;
    for (let j = 0; j < d; j++) w[j] -= rate * (gw[j] / z.length + l2 * w[j]);
  }
  return (x) => b + x.reduce((s, v, j) => s + ((v - mean[j]!) / sd[j]!) * w[j]!, 0);
}

const FOLDS = 10;
function foldOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % FOLDS;
}

/** For each question, the learnt score of each option, from a model trained on the other folds. */
function crossValidatedOptionScores(questions: SolverQuestion[]): number[][] {
  const features = questions.map((q) => optionFeatures(q).map(vector));
  const out: number[][] = questions.map(() => []);
  for (let fold = 0; fold < FOLDS; fold++) {
    const rows: number[][] = [];
    const labels: number[] = [];
    questions.forEach((q, i) => {
      if (foldOf(q.id) === fold) return;
      features[i]!.forEach((x, j) => {
        rows.push(x);
        labels.push(q.options[j]!.correct ? 1 : 0);
      });
    });
    if (!rows.length) continue;
    const model = train(rows, labels);
    questions.forEach((q, i) => {
      if (foldOf(q.id) === fold) out[i] = features[i]!.map(model);
    });
  }
  return out;
}

/* ─────────────────────────────── A word classifier ─────────────────────────────── */

/** The cue name of the naive Bayes word classifier, the same for every question type. */
export const WORD_CLASSIFIER = 'naive Bayes on function words (held out by KSB)';

export function functionWordsIn(text: string): Set<string> {
  return new Set(words(text).filter((w) => FUNCTION_SET.has(w)));
}

/**
 * Naive Bayes over which function words a text contains (each word counted once, Laplace
 * smoothing, only the words present vote). Returns the log-odds that a text is right (a key, or a
 * true statement); the prior is the share of right texts in training.
 */
export function trainNaiveBayes(docs: { text: string; right: boolean }[]): (text: string) => number {
  const seen = [new Map<string, number>(), new Map<string, number>()] as const;
  const total = [0, 0];
  for (const d of docs) {
    const y = d.right ? 1 : 0;
    total[y]!++;
    for (const w of functionWordsIn(d.text)) seen[y].set(w, (seen[y].get(w) ?? 0) + 1);
  }
  const prior = Math.log((total[1]! + 1) / (total[0]! + 1));
  const rate = (y: 0 | 1, w: string) => ((seen[y].get(w) ?? 0) + 1) / (total[y]! + 2);
  return (text) => {
    let s = prior;
    for (const w of functionWordsIn(text)) s += Math.log(rate(1, w) / rate(0, w));
    return s;
  };
}

/**
 * For each question, what a classifier trained on every other group's questions makes of it. The
 * group is the question's first KSB, so nothing about a KSB's own questions leaks into its score
 * (without a group, the 10 hash folds). `train` gives, from the training documents, the model to
 * apply to one question (the function-word classifier by default).
 */
function heldOutByGroup<T>(
  questions: SolverQuestion[],
  docsOf: (q: SolverQuestion) => { text: string; right: boolean }[],
  apply: (model: (text: string) => number, q: SolverQuestion) => T,
  train: (docs: { text: string; right: boolean }[]) => (q: SolverQuestion) => (text: string) => number = (docs) => {
    const model = trainNaiveBayes(docs);
    return () => model;
  },
): T[] {
  const groups = questions.map((q) => q.group ?? `fold ${foldOf(q.id)}`);
  const out: T[] = new Array(questions.length);
  for (const group of new Set(groups)) {
    const modelFor = train(questions.flatMap((q, i) => (groups[i] === group ? [] : docsOf(q))));
    questions.forEach((q, i) => {
      if (groups[i] === group) out[i] = apply(modelFor(q), q);
    });
  }
  return out;
}
/* ─────────────────────────────── A content-word classifier ─────────────────────────────── */

/** The cue name of the naive Bayes classifier over content words, the same for every question type. */
export const CONTENT_CLASSIFIER = 'naive Bayes on content words (held out by KSB)';
/** The cue name of the "good process" vocabulary count. */
/**
 * Cues the report prints but the content test does not yet enforce. The content-word classifier
 * scored 44.4% on single answer when it was added (December 2026; bound 30%) and 42.8% after the
 * first round of rewrites: the bank is being reworded towards its bound, and it is enforced once it
 * is met. Every other cue, the process-word count included, is enforced.
 */
export const ADVISORY_CUES: readonly string[] = [CONTENT_CLASSIFIER];
export const isAdvisory = (cue: string) => ADVISORY_CUES.some((a) => cue === a || cue.startsWith(`${a},`));
export const PROCESS_CUE = 'most "process" words (agree, test, measure, record…)';

/**
 * Words of good process that marked keys in an audit of the bank (December 2026): 38% of single-answer
 * keys held one, against 19% of wrong options. Matched on the word or its stem.
 */
export const PROCESS_WORDS = [
  'agree', 'agreed', 'agreement', 'evidence', 'test', 'tested', 'testing', 'measure', 'measured', 'measuring',
  'criteria', 'criterion', 'owner', 'owners', 'check', 'checked', 'checks', 'checking', 'pilot', 'piloted',
  'record', 'recorded', 'recording', 'records',
];
const PROCESS_SET = new Set(PROCESS_WORDS);
export const processWordCount = (text: string) => words(text).filter((w) => PROCESS_SET.has(w)).length;

/**
 * The content words of a text: lower-cased crude stems of words of three letters or more that are
 * neither function words nor stop words, each counted once. Unlike the function-word classifier, this
 * sees subject and process vocabulary ("agreed", "retrained", "larger", "evidence").
 */
export function contentWordsIn(text: string, exclude?: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 3 || FUNCTION_SET.has(w) || STOP.has(w)) continue;
    const s = stem(w.replace(/'s?$/, ''));
    if (!exclude?.has(s)) out.add(s);
  }
  return out;
}

/** Content-word classifier settings: smoothing towards the base rate (alpha) and the fewest texts a word must appear in to vote. */
export const CONTENT_NB = { alpha: 5, minCount: 3 } as const;

/**
 * Naive Bayes over which content words a text contains (each word counted once; only the words present
 * vote). Content words are many and mostly rare, so add-one smoothing would let every unseen word
 * favour the smaller class; instead each word's rate in each class is smoothed towards its rate over
 * both classes (alpha), and words seen in fewer than minCount training texts do not vote. Returns the
 * log-odds that a text is right, the prior included.
 */
export function trainContentNaiveBayes(
  docs: { text: string; right: boolean }[],
  { alpha, minCount }: { alpha: number; minCount: number } = CONTENT_NB,
): (text: string, exclude?: Set<string>) => number {
  const seen = [new Map<string, number>(), new Map<string, number>()] as const;
  const total = [0, 0];
  for (const d of docs) {
    const y = d.right ? 1 : 0;
    total[y]!++;
    for (const w of contentWordsIn(d.text)) seen[y].set(w, (seen[y].get(w) ?? 0) + 1);
  }
  const n = total[0]! + total[1]!;
  const prior = Math.log((total[1]! + 1) / (total[0]! + 1));
  return (text, exclude) => {
    let s = prior;
    for (const w of contentWordsIn(text, exclude)) {
      const right = seen[1].get(w) ?? 0;
      const wrong = seen[0].get(w) ?? 0;
      if (right + wrong < minCount) continue;
      const base = (right + wrong) / n;
      s += Math.log((right + alpha * base) / (total[1]! + alpha)) - Math.log((wrong + alpha * base) / (total[0]! + alpha));
    }
    return s;
  };
}

/** Leave one KSB file out, exactly as the function-word classifier; words of the question's own KSB statement do not vote. */
function heldOutContent<T>(
  questions: SolverQuestion[],
  docsOf: (q: SolverQuestion) => { text: string; right: boolean }[],
  apply: (model: (text: string) => number, q: SolverQuestion) => T,
): T[] {
  return heldOutByGroup(questions, docsOf, apply, (docs) => {
    const model = trainContentNaiveBayes(docs);
    return (q) => {
      const exclude = EXCLUDE_KSB_WORDS ? contentWordsIn(q.ksbStatement) : undefined;
      return (text) => model(text, exclude);
    };
  });
}
const EXCLUDE_KSB_WORDS = true;
const optionContentScores = (questions: SolverQuestion[]) =>
  heldOutContent(questions, optionDocs, (m, q) => q.options.map((o) => m(o.text)));

const optionDocs = (q: SolverQuestion) => q.options.map((o) => ({ text: o.text, right: !!o.correct }));
const optionWordScores = (questions: SolverQuestion[]) => heldOutByGroup(questions, optionDocs, (m, q) => q.options.map((o) => m(o.text)));

/**
 * The test-wise reader's rule from the audit: drop options that argue (a reason clause) or mention
 * the team, then prefer one that gives an example or covers two cases ("such as", "or"). Returns
 * which options remain in the pool the reader guesses from.
 */
function markerPool(f: OptionFeatures[]): boolean[] {
  let pool = f.map((o) => !o.reason && !o.team);
  if (!pool.some(Boolean)) pool = f.map(() => true);
  const preferred = pool.map((p, i) => p && (f[i]!.example === 1 || f[i]!.or === 1));
  return preferred.some(Boolean) ? preferred : pool;
}

/* ─────────────────────────────── Per question type ─────────────────────────────── */

const correctFlags = (q: SolverQuestion) => q.options.map((o) => !!o.correct);

/** Single answer: the cue picks one option. */
function singleCues(questions: SolverQuestion[]): CueScore[] {
  const f = questions.map(optionFeatures);
  const byValue = (cue: string, value: (o: OptionFeatures) => number) =>
    tally(cue, questions, (q, i) => pickHighest(f[i]!.map(value), correctFlags(q)));
  const learnt = crossValidatedOptionScores(questions);
  const wordScores = optionWordScores(questions);
  const contentScores = optionContentScores(questions);
  return [
    byValue('longest option', (o) => o.length),
    byValue('shortest option', (o) => -o.length),
    ...[1, 2].map((rank) =>
      tally(`${rank === 1 ? 'second' : 'third'}-longest option`, questions, (q, i) => {
        const lengths = f[i]!.map((o) => o.length);
        const target = [...lengths].sort((a, b) => b - a)[rank];
        return pickHighest(lengths.map((l) => (l === target ? 1 : 0)), correctFlags(q));
      }),
    ),
    byValue('fewest absolute words', (o) => -o.absolute),
    byValue('most hedging words', (o) => o.hedge),
    byValue('hedges minus absolutes', (o) => o.hedge - o.absolute),
    byValue('most overlap with the stem', (o) => o.stemOverlap),
    byValue('least overlap with the stem', (o) => -o.stemOverlap),
    byValue('most overlap with the KSB statement', (o) => o.ksbOverlap),
    byValue('has a number', (o) => o.hasNumber),
    byValue('does the most (most steps or parts)', (o) => o.steps),
    byValue('does the least (fewest steps or parts)', (o) => -o.steps),
    byValue('first stored option', (o) => -o.position),
    byValue('last stored option', (o) => o.position),
    byValue('no reason clause (since, because, so)', (o) => -o.reason),
    byValue('has a reason clause', (o) => o.reason),
    byValue('does not mention the team', (o) => -o.team),
    byValue('mentions the team', (o) => o.team),
    byValue('gives an example ("such as", "for example")', (o) => o.example),
    byValue('has "or"', (o) => o.or),
    byValue('the odd one out (least like the other options)', (o) => -o.likeness),
    byValue('the odd one out, counting every word', (o) => -o.likenessAllWords),
    byValue('most like the other options', (o) => o.likeness),
    byValue('opens unlike any other option', (o) => -o.sharedOpening),
    tally('drop reason clauses and "team", then prefer "such as" or "or"', questions, (q, i) => {
      const pool = markerPool(f[i]!);
      return pickHighest(pool.map((p) => (p ? 1 : 0)), correctFlags(q));
    }),
    tally('learnt mix of all cues (10-fold cross-validated)', questions, (q, i) => pickHighest(learnt[i]!, correctFlags(q))),
    tally(WORD_CLASSIFIER, questions, (q, i) => pickHighest(wordScores[i]!, correctFlags(q))),
    tally(CONTENT_CLASSIFIER, questions, (q, i) => pickHighest(contentScores[i]!, correctFlags(q))),
    tally(PROCESS_CUE, questions, (q) => pickHighest(q.options.map((o) => processWordCount(o.text)), correctFlags(q))),
  ];
}

interface StatementFeatures {
  absolute: number;
  hedge: number;
  negation: number;
  length: number;
  hasNumber: number;
  ksbOverlap: number;
  reason: number;
  team: number;
  example: number;
}
function statementFeatures(q: SolverQuestion): StatementFeatures {
  return {
    reason: REASON_CLAUSE.test(q.question) ? 1 : 0,
    team: MARKERS.team.test(q.question) ? 1 : 0,
    example: MARKERS.example.test(q.question) || MARKERS.or.test(q.question) ? 1 : 0,
    absolute: countOf(q.question, ABSOLUTE_WORDS),
    hedge: countOf(q.question, HEDGE_WORDS),
    negation: countOf(q.question.replace(/n't/g, ' not'), NEGATIONS),
    length: q.question.length,
    hasNumber: /\d/.test(q.question) ? 1 : 0,
    ksbOverlap: overlap(contentWords(q.question), contentWords(q.ksbStatement)),
  };
}

/** True/false: the cue says True or False (index 0 or 1). */
function trueFalseCues(questions: SolverQuestion[]): CueScore[] {
  const f = questions.map(statementFeatures);
  const medianLength = [...f.map((x) => x.length)].sort((a, b) => a - b)[Math.floor(f.length / 2)] ?? 0;
  const says = (cue: string, rule: (s: StatementFeatures) => boolean | undefined) =>
    tally(cue, questions, (q, i) => {
      const verdict = rule(f[i]!);
      const truth = !!q.options[0]!.correct;
      if (verdict === undefined) return { expected: 0.5, certain: false };
      return { expected: verdict === truth ? 1 : 0, certain: verdict === truth };
    });
  const rows = f.map((s) => [s.absolute, s.hedge, s.negation, s.length, s.hasNumber, s.ksbOverlap, s.reason, s.team, s.example]);
  const wordVerdicts = heldOutByGroup(
    questions,
    (q) => [{ text: q.question, right: !!q.options[0]!.correct }],
    (m, q) => m(q.question) > 0,
  );
  const contentVerdicts = heldOutContent(
    questions,
    (q) => [{ text: q.question, right: !!q.options[0]!.correct }],
    (m, q) => m(q.question) > 0,
  );
  const learnt: boolean[] = new Array(questions.length).fill(false);
  for (let fold = 0; fold < FOLDS; fold++) {
    const train_ = questions.flatMap((q, i) => (foldOf(q.id) === fold ? [] : [i]));
    if (!train_.length) continue;
    const model = train(train_.map((i) => rows[i]!), train_.map((i) => (questions[i]!.options[0]!.correct ? 1 : 0)));
    questions.forEach((q, i) => {
      if (foldOf(q.id) === fold) learnt[i] = model(rows[i]!) > 0;
    });
  }
  return [
    says('always True', () => true),
    says('always False', () => false),
    says('absolute word → False, otherwise True', (s) => s.absolute === 0),
    says('hedge → True, absolute → False', (s) => (s.hedge > s.absolute ? true : s.absolute > s.hedge ? false : undefined)),
    says('negation → False', (s) => (s.negation > 0 ? false : undefined)),
    says('longer than the median → True', (s) => s.length > medianLength),
    says('shorter than the median → True', (s) => s.length < medianLength),
    says('has a number → False', (s) => (s.hasNumber ? false : undefined)),
    says('reason clause → False', (s) => (s.reason ? false : undefined)),
    says('reason clause → False, otherwise True', (s) => !s.reason),
    says('mentions the team → False', (s) => (s.team ? false : undefined)),
    says('"such as" or "or" → True', (s) => (s.example ? true : undefined)),
    says('learnt mix of all cues (10-fold cross-validated)', (s) => learnt[f.indexOf(s)]),
    says(WORD_CLASSIFIER, (s) => wordVerdicts[f.indexOf(s)]),
    says(CONTENT_CLASSIFIER, (s) => contentVerdicts[f.indexOf(s)]),
    tally('"process" word → True', questions, (q) => {
      if (!processWordCount(q.question)) return { expected: 0.5, certain: false };
      const truth = !!q.options[0]!.correct;
      return { expected: truth ? 1 : 0, certain: truth };
    }),
  ];
}

/** Multiple answer (all or nothing): the cue picks a set of options. */
function multipleCues(questions: SolverQuestion[], k: number): CueScore[] {
  const f = questions.map(optionFeatures);
  const topK = (cue: string, value: (o: OptionFeatures) => number) =>
    tally(`${cue} (the ${k} most common right)`, questions, (q, i) => pickTopK(f[i]!.map(value), correctFlags(q), k));
  const where = (cue: string, rule: (o: OptionFeatures, all: OptionFeatures[]) => boolean) =>
    tally(cue, questions, (q, i) => pickWhere(f[i]!.map((o) => rule(o, f[i]!)), correctFlags(q)));
  const learnt = crossValidatedOptionScores(questions);
  const wordScores = optionWordScores(questions);
  const contentScores = optionContentScores(questions);
  return [
    topK('longest options', (o) => o.length),
    topK('shortest options', (o) => -o.length),
    topK('fewest absolute words', (o) => -o.absolute),
    topK('most hedging words', (o) => o.hedge - o.absolute),
    topK('most "may", "could", "might"', (o) => o.modal),
    topK('most overlap with the stem', (o) => o.stemOverlap),
    topK('most overlap with the KSB statement', (o) => o.ksbOverlap),
    topK('do the most (most steps or parts)', (o) => o.steps),
    topK('no reason clause', (o) => -o.reason),
    topK('do not mention the team', (o) => -o.team),
    topK('give an example or have "or"', (o) => o.example + o.or),
    topK('least like the other options', (o) => -o.likeness),
    topK('most like the other options', (o) => o.likeness),
    where('every option without a reason clause', (o) => !o.reason),
    where('every option with a reason clause', (o) => !!o.reason),
    where('every option that does not mention the team', (o) => !o.team),
    where('every option left after dropping reason clauses and "team"', (o) => !o.reason && !o.team),
    where('every option with "such as", "for example" or "or"', (o) => !!(o.example || o.or)),
    where('every option without an absolute word', (o) => o.absolute === 0),
    where('every option hedged at least as much as it is absolute', (o) => o.hedge >= o.absolute && o.hedge > 0),
    where('every option longer than the mean', (o) => o.relativeLength > 1),
    where('every option at or above the median stem overlap', (o, all) => {
      const m = [...all.map((x) => x.stemOverlap)].sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
      return o.stemOverlap >= m;
    }),
    tally('learnt mix of all cues, options scored above even (cross-validated)', questions, (q, i) =>
      pickWhere(learnt[i]!.map((s) => s > 0), correctFlags(q)),
    ),
    tally(`learnt mix of all cues, best ${k} (cross-validated)`, questions, (q, i) => pickTopK(learnt[i]!, correctFlags(q), k)),
    tally(WORD_CLASSIFIER, questions, (q, i) => pickWhere(wordScores[i]!.map((s) => s > 0), correctFlags(q))),
    tally(`${WORD_CLASSIFIER}, best ${k}`, questions, (q, i) => pickTopK(wordScores[i]!, correctFlags(q), k)),
    tally(CONTENT_CLASSIFIER, questions, (q, i) => pickWhere(contentScores[i]!.map((s) => s > 0), correctFlags(q))),
    tally(`${CONTENT_CLASSIFIER}, best ${k}`, questions, (q, i) => pickTopK(contentScores[i]!, correctFlags(q), k)),
    tally(`${PROCESS_CUE} (the ${k} most common right)`, questions, (q) => pickTopK(q.options.map((o) => processWordCount(o.text)), correctFlags(q), k)),
    where('every option with a "process" word', (o, _all) => o.process > 0),
    where('every option with a hedge (may, could, might)', (o) => o.modal > 0),
  ];
}

/* ─────────────────────────────── The report ─────────────────────────────── */

export const BOUNDS = {
  /** Single answer: no cue more than this above 1/options. */
  singleMargin: 0.05,
  /** True/false: no cue above this share. */
  trueFalseMax: 0.6,
  /** Multiple answer: no cue more than this above guessing the most common count at random. */
  multipleMargin: 0.05,
} as const;

/** The most common number of right options among multiple-answer questions, and its share. */
export function rightCountDistribution(questions: SolverQuestion[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const q of questions) {
    const k = q.options.filter((o) => o.correct).length;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export function solve(bank: SolverQuestion[]): TypeReport[] {
  const single = bank.filter((q) => q.type === 'single');
  const trueFalse = bank.filter((q) => q.type === 'true-false');
  const multiple = bank.filter((q) => q.type === 'multiple');
  const reports: TypeReport[] = [];

  if (single.length) {
    const chance = single.reduce((s, q) => s + 1 / q.options.length, 0) / single.length;
    const cues = markAdvisory(singleCues(single));
    reports.push({ type: 'single', count: single.length, chance, bound: chance + BOUNDS.singleMargin, cues, strongest: strongestOf(cues) });
  }
  if (trueFalse.length) {
    const cues = markAdvisory(trueFalseCues(trueFalse));
    reports.push({ type: 'true-false', count: trueFalse.length, chance: 0.5, bound: BOUNDS.trueFalseMax, cues, strongest: strongestOf(cues) });
  }
  if (multiple.length) {
    const counts = rightCountDistribution(multiple);
    const k = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    const chance = multiple.reduce((s, q) => s + (q.options.filter((o) => o.correct).length === k ? 1 / binomial(q.options.length, k) : 0), 0) / multiple.length;
    const cues = markAdvisory(multipleCues(multiple, k));
    reports.push({ type: 'multiple', count: multiple.length, chance, bound: chance + BOUNDS.multipleMargin, cues, strongest: strongestOf(cues) });
  }
  return reports;
}

function markAdvisory(cues: CueScore[]): CueScore[] {
  return cues.map((c) => (isAdvisory(c.cue) ? { ...c, advisory: true } : c));
}

function strongestOf(cues: CueScore[]): CueScore {
  return cues.reduce((best, c) => (c.score > best.score ? c : best));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(reports: TypeReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.type}: ${r.count} questions; chance ${pct(r.chance)}, bound ${pct(r.bound)}`);
    for (const c of [...r.cues].sort((a, b) => b.score - a.score)) {
      const mark = c.score > r.bound ? (c.advisory ? '!' : '✗') : ' ';
      lines.push(`  ${mark} ${pct(c.score).padStart(6)}  ${c.cue}${c.advisory ? ' (advisory: printed, not enforced)' : ''}`);
    }
    const ids = r.strongest.rightFor;
    lines.push(`  strongest cue, "${r.strongest.cue}", answers ${ids.length} for certain: ${ids.join(', ') || 'none'}`);
  }
  return lines.join('\n');
}

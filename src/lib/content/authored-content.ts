/**
 * Authored material that sits beside the official text: the question bank, revision notes,
 * glossary and practice prompts. Read and checked against the standard: every KSB, criterion and
 * glossary reference must resolve, or the build fails naming the file, the record and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContentError, type ContentProblem, problemsFromZod } from './problems';
import { type ReadContext, displayPath, listFiles, parseYamlText, readYaml, validateRecords, yamlProblem } from './read';
import {
  type CareerFramework,
  type GlossaryTerm,
  type NoteFrontmatter,
  type PracticePrompt,
  type Question,
  careerFrameworkSchema,
  glossaryTermSchema,
  noteSchema,
  practicePromptSchema,
  questionSchema,
} from './schemas';
import { readStandardContent, type StandardContent } from './standard-content';
import { ksbSlug } from '../ksb-code';

export const AUTHORED_DIRS = {
  questions: 'questions',
  notes: 'notes',
  glossary: 'glossary',
  practicePrompts: 'practice/prompts.yaml',
  careers: 'careers.yaml',
} as const;

/** The prose sections every revision note has, as level-2 headings, in this order. */
export const NOTE_SECTIONS = [
  'In plain English',
  'What the assessor looks for',
  'Evidence from your work',
  'Pitfalls',
] as const;
/** The component a note places in "What the assessor looks for" to quote the criteria verbatim. */
export const CRITERIA_COMPONENT = '<AssessorCriteria />';
export const NOTE_WORDS = { min: 300, max: 700 } as const;

export interface QuestionFile {
  /** The KSB the file is for, from its name (content/questions/k7.yaml → K7). */
  ksb: string;
  file: string;
  questions: Question[];
}

export interface Note extends NoteFrontmatter {
  file: string;
  /** The MDX body (everything after the front matter). */
  body: string;
  wordCount: number;
}

export interface GlossaryEntry extends GlossaryTerm {
  slug: string;
}

export interface AuthoredContent {
  questions: Question[];
  questionFiles: QuestionFile[];
  notes: Note[];
  glossary: GlossaryEntry[];
  practicePrompts: PracticePrompt[];
  careers: CareerFramework[];
}

const codeFromFile = (name: string) => name.replace(/\.(ya?ml|mdx)$/, '').toUpperCase();

export function readAuthoredContent(ctx: ReadContext, standard: StandardContent): AuthoredContent {
  const questionFiles = listFiles(ctx, AUTHORED_DIRS.questions, ['.yaml']).map((name) => {
    const rel = `${AUTHORED_DIRS.questions}/${name}`;
    const raw = readYaml(ctx, rel);
    const file = displayPath(ctx, rel);
    return { ksb: codeFromFile(name), file, questions: raw === undefined ? [] : validateRecords(ctx, file, raw, questionSchema, 'id') };
  });

  const notes = listFiles(ctx, AUTHORED_DIRS.notes, ['.mdx']).flatMap((name) => {
    const note = readNote(ctx, `${AUTHORED_DIRS.notes}/${name}`);
    return note ? [note] : [];
  });

  const glossary = listFiles(ctx, AUTHORED_DIRS.glossary, ['.yaml']).flatMap((name) => {
    const rel = `${AUTHORED_DIRS.glossary}/${name}`;
    const raw = readYaml(ctx, rel);
    if (raw === undefined) return [];
    const result = glossaryTermSchema.safeParse(raw);
    if (!result.success) {
      ctx.problems.push(...problemsFromZod(result.error, displayPath(ctx, rel), undefined, raw));
      return [];
    }
    return [{ slug: name.replace(/\.yaml$/, ''), ...result.data }];
  });

  const promptsRaw = readYamlIfPresent(ctx, AUTHORED_DIRS.practicePrompts);
  const practicePrompts =
    promptsRaw === undefined
      ? []
      : validateRecords(ctx, displayPath(ctx, AUTHORED_DIRS.practicePrompts), promptsRaw, practicePromptSchema, 'id');

  const careersRaw = readYamlIfPresent(ctx, AUTHORED_DIRS.careers);
  const careers = careersRaw === undefined ? [] : validateRecords(ctx, displayPath(ctx, AUTHORED_DIRS.careers), careersRaw, careerFrameworkSchema, 'id');

  const content: AuthoredContent = {
    questions: questionFiles.flatMap((f) => f.questions),
    questionFiles,
    notes,
    glossary,
    practicePrompts,
    careers,
  };
  ctx.problems.push(...checkAuthoredIntegrity(content, standard, (rel) => displayPath(ctx, rel)));
  return content;
}

function readYamlIfPresent(ctx: ReadContext, rel: string): unknown {
  return existsSync(join(ctx.contentDir, rel)) ? readYaml(ctx, rel) : undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function readNote(ctx: ReadContext, rel: string): Note | undefined {
  const file = displayPath(ctx, rel);
  const source = readFileSync(join(ctx.contentDir, rel), 'utf8');
  const match = FRONTMATTER.exec(source);
  if (!match) {
    ctx.problems.push({ file, message: 'must start with front matter between two "---" lines' });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parseYamlText(match[1]!);
  } catch (error) {
    // The front matter starts on the file's second line, after "---".
    ctx.problems.push({ file, field: 'front matter', message: yamlProblem(error, 2) });
    return undefined;
  }
  const result = noteSchema.safeParse(raw);
  if (!result.success) {
    ctx.problems.push(...problemsFromZod(result.error, file, undefined, raw));
    return undefined;
  }
  const body = match[2]!;
  return { ...result.data, file, body, wordCount: countProseWords(body) };
}

/** Words of prose in an MDX body: headings and text count; components, markup and URLs do not. */
export function countProseWords(mdx: string): number {
  const text = mdx
    .replace(/<[A-Z][^>]*\/>/g, ' ') // self-closing components
    .replace(/\]\([^)]*\)/g, ']') // link targets
    .replace(/[#*_`>[\]|-]/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The level-2 headings of an MDX body, in order. */
export function noteHeadings(body: string): string[] {
  return [...body.matchAll(/^## +(.+?)\s*$/gm)].map((m) => m[1]!);
}

export function checkAuthoredIntegrity(
  content: AuthoredContent,
  standard: StandardContent,
  fileOf: (rel: string) => string = (rel) => `content/${rel}`,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ksbCodes = new Set(standard.ksbs.map((k) => k.code));
  const unknownKsb = (code: string) => `unknown KSB code "${code}"`;

  // Questions: file named after a KSB; each question tests that KSB first; ids unique site-wide.
  const questionIds = new Map<string, string>();
  for (const qf of content.questionFiles) {
    if (!ksbCodes.has(qf.ksb)) {
      problems.push({ file: qf.file, message: `file name must be a KSB code in lower case, such as k7.yaml` });
      continue;
    }
    for (const q of qf.questions) {
      const where = { file: qf.file, record: q.id };
      const earlier = questionIds.get(q.id);
      if (earlier && earlier !== qf.file) problems.push({ ...where, field: 'id', message: `id is also used in ${earlier}` });
      questionIds.set(q.id, qf.file);
      if (!q.id.startsWith(`${ksbSlug(qf.ksb)}-`)) {
        problems.push({ ...where, field: 'id', message: `must start with "${ksbSlug(qf.ksb)}-"` });
      }
      if (q.ksbs[0] !== qf.ksb) problems.push({ ...where, field: 'ksbs[0]', message: `must be ${qf.ksb}, the KSB this file is for` });
      q.ksbs.forEach((code, i) => {
        if (!ksbCodes.has(code)) problems.push({ ...where, field: `ksbs[${i}]`, message: unknownKsb(code) });
      });
      problems.push(...checkWhatItTests(q, where, standard));
    }
  }

  // Glossary: "see" references resolve.
  const slugs = new Set(content.glossary.map((g) => g.slug));
  for (const term of content.glossary) {
    (term.see ?? []).forEach((slug, i) => {
      if (!slugs.has(slug)) {
        problems.push({ file: fileOf(`glossary/${term.slug}.yaml`), field: `see[${i}]`, message: `unknown glossary term "${slug}"` });
      }
    });
  }

  // Notes: named after their KSB; references resolve; sections present, in order; length.
  for (const note of content.notes) {
    const file = note.file;
    const expected = codeFromFile(file.split('/').pop()!);
    if (note.ksb !== expected) problems.push({ file, field: 'ksb', message: `must be ${expected}, matching the file name` });
    if (!ksbCodes.has(note.ksb)) problems.push({ file, field: 'ksb', message: unknownKsb(note.ksb) });
    note.related.forEach((code, i) => {
      if (!ksbCodes.has(code)) problems.push({ file, field: `related[${i}]`, message: unknownKsb(code) });
      else if (code === note.ksb) problems.push({ file, field: `related[${i}]`, message: 'a note cannot be related to itself' });
    });
    note.terms.forEach((slug, i) => {
      if (!slugs.has(slug)) {
        problems.push({ file, field: `terms[${i}]`, message: `no glossary entry content/glossary/${slug}.yaml` });
      }
    });
    const headings = noteHeadings(note.body);
    if (headings.join('|') !== NOTE_SECTIONS.join('|')) {
      problems.push({
        file,
        field: 'body',
        message: `must have exactly the sections ${NOTE_SECTIONS.map((s) => `"## ${s}"`).join(', ')} in that order (found ${headings.map((h) => `"${h}"`).join(', ') || 'none'})`,
      });
    }
    const assessorSection = note.body.split(/^## /m).find((s) => s.startsWith(NOTE_SECTIONS[1]));
    if (!assessorSection?.includes(CRITERIA_COMPONENT)) {
      problems.push({ file, field: 'body', message: `"## ${NOTE_SECTIONS[1]}" must contain ${CRITERIA_COMPONENT}` });
    }
    if (note.wordCount < NOTE_WORDS.min || note.wordCount > NOTE_WORDS.max) {
      problems.push({ file, field: 'body', message: `has ${note.wordCount} words; a note has ${NOTE_WORDS.min}–${NOTE_WORDS.max}` });
    }
  }

  // Careers: each framework names a known source, and every item's KSBs exist.
  const sourceIds = new Set(standard.sources.map((s) => s.id));
  for (const framework of content.careers) {
    const where = { file: fileOf(AUTHORED_DIRS.careers), record: framework.id };
    if (!sourceIds.has(framework.source)) problems.push({ ...where, field: 'source', message: `unknown source "${framework.source}" (not in content/sources.yaml)` });
    framework.groups.forEach((group, g) =>
      group.items.forEach((item, i) =>
        item.ksbs.forEach((code, k) => {
          if (!ksbCodes.has(code)) problems.push({ ...where, field: `groups[${g}].items[${i}].ksbs[${k}]`, message: unknownKsb(code) });
        }),
      ),
    );
  }

  // Practice prompts: each draws on a real criterion.
  const criterionIds = new Set(standard.criteria.map((c) => c.id));
  content.practicePrompts.forEach((prompt) => {
    if (!criterionIds.has(prompt.criterion)) {
      problems.push({
        file: fileOf(AUTHORED_DIRS.practicePrompts),
        record: prompt.id,
        field: 'criterion',
        message: `unknown criterion "${prompt.criterion}" (not in content/epa/criteria.yaml)`,
      });
    }
  });
  return problems;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A question's `tests`: the phrase is in its first KSB's statement; the criterion cites one of its KSBs. */
function checkWhatItTests(q: Question, where: { file: string; record: string }, standard: StandardContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const statement = standard.ksbs.find((k) => k.code === q.ksbs[0])?.statement;
  if (q.tests.phrase !== undefined && statement !== undefined && !normalise(statement).includes(normalise(q.tests.phrase))) {
    problems.push({ ...where, field: 'tests.phrase', message: `"${q.tests.phrase}" is not in the statement of ${q.ksbs[0]}` });
  }
  const criterionId = q.tests.criterion;
  if (criterionId !== undefined) {
    const criterion = standard.criteria.find((c) => c.id === criterionId);
    if (!criterion) {
      problems.push({ ...where, field: 'tests.criterion', message: `unknown criterion "${criterionId}" (not in content/epa/criteria.yaml)` });
    } else if (!criterion.ksbs.some((code) => q.ksbs.includes(code))) {
      problems.push({ ...where, field: 'tests.criterion', message: `${criterion.id} cites ${criterion.ksbs.join(', ')}, none of this question's KSBs` });
    }
  }
  return problems;
}

export interface AllContent {
  standard: StandardContent;
  authored: AuthoredContent;
}

/**
 * Loaded content by folder, with a fingerprint of its files: every collection of a build asks for
 * the same content, so it is read and checked once per process, and again only when a file changes
 * (as in `astro dev`).
 */
const loaded = new Map<string, { fingerprint: string; content: AllContent }>();

function fingerprintOf(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const { mtimeMs, size } = statSync(path);
        parts.push(`${path}:${mtimeMs}:${size}`);
      }
    }
  };
  walk(dir);
  return parts.join('\n');
}

/** Everything under content/, validated and cross-checked; throws a ContentError listing every problem. */
export function loadAllContent(contentDir = 'content', rootDir = process.cwd()): AllContent {
  const dir = resolve(rootDir, contentDir);
  const fingerprint = fingerprintOf(dir);
  const cached = loaded.get(dir);
  if (cached?.fingerprint === fingerprint) return cached.content;
  const content = readAllContent(dir, rootDir);
  loaded.set(dir, { fingerprint, content });
  return content;
}

function readAllContent(contentDir: string, rootDir: string): AllContent {
  const ctx: ReadContext = { contentDir, rootDir, problems: [] };
  const standard = readStandardContent(ctx);
  if (!standard || ctx.problems.length) throw new ContentError(ctx.problems);
  const authored = readAuthoredContent(ctx, standard);
  if (ctx.problems.length) throw new ContentError(ctx.problems);
  return { standard, authored };
}

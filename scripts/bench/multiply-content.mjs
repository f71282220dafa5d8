/**
 * Writes a copy of content/ with the standard multiplied `factor` times, for the benchmark's
 * scaling figure: copy i renumbers KSBs (K1 → K(1+31i), S1 → S(1+34i), B1 → B(1+5i)), duties
 * (n → n+9i), themes and criteria (slug "-x<i>"), and carries the authored material that refers to
 * them (questions and the criteria they test, notes, practice prompts). The result is a valid content folder ten times larger.
 * Never committed: it is written under bench/tmp/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const PER_KIND = { K: 31, S: 34, B: 5 };

export function multiplyContent(from, to, factor) {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true });
  const read = (rel) => YAML.parse(readFileSync(join(from, rel), 'utf8'));
  const write = (rel, data) => writeFileSync(join(to, rel), YAML.stringify(data));
  const copies = [...Array(factor).keys()];
  const code = (c, i) => `${c[0]}${Number(c.slice(1)) + PER_KIND[c[0]] * i}`;
  const codes = (list, i) => list.map((c) => code(c, i));
  const themeId = (id, i) => (i === 0 ? id : `${id}-x${i}`);
  const criterionId = (id, themeOf, i) => {
    if (i === 0) return id;
    const theme = themeOf(id);
    return `${themeId(theme, i)}${id.slice(theme.length)}`;
  };

  write('standard/ksbs.yaml', copies.flatMap((i) => read('standard/ksbs.yaml').map((k) => ({ ...k, code: code(k.code, i) }))));
  write('standard/duties.yaml', copies.flatMap((i) => read('standard/duties.yaml').map((d) => ({ ...d, number: d.number + 9 * i, ksbs: codes(d.ksbs, i) }))));
  const themes = read('epa/themes.yaml');
  write('epa/themes.yaml', copies.flatMap((i) => themes.map((t) => ({ ...t, id: themeId(t.id, i), slug: i ? `${t.slug}-x${i}` : t.slug, ksbs: codes(t.ksbs, i) }))));
  const criteria = read('epa/criteria.yaml');
  const themeOfCriterion = (id) => criteria.find((c) => c.id === id).theme;
  write('epa/criteria.yaml', copies.flatMap((i) => criteria.map((c) => ({
    ...c,
    id: criterionId(c.id, themeOfCriterion, i),
    theme: themeId(c.theme, i),
    ksbs: codes(c.ksbs, i),
    ...(c.citesOutsideTheme ? { citesOutsideTheme: codes(c.citesOutsideTheme, i) } : {}),
  }))));

  const questionsDir = join(from, 'questions');
  if (existsSync(questionsDir)) {
    rmSync(join(to, 'questions'), { recursive: true });
    mkdirSync(join(to, 'questions'));
    for (const name of readdirSync(questionsDir)) {
      const original = name.replace('.yaml', '').toUpperCase();
      const list = read(`questions/${name}`);
      for (const i of copies) {
        const mapped = code(original, i).toLowerCase();
        write(`questions/${mapped}.yaml`, list.map((q) => ({
          ...q,
          id: `${mapped}-${q.id.slice(original.length + 1)}`,
          ksbs: codes(q.ksbs, i),
          // A question may name the criterion it tests: the copy's own criterion.
          ...(q.tests?.criterion ? { tests: { ...q.tests, criterion: criterionId(q.tests.criterion, themeOfCriterion, i) } } : {}),
        })));
      }
    }
  }

  const notesDir = join(from, 'notes');
  if (existsSync(notesDir)) {
    rmSync(join(to, 'notes'), { recursive: true });
    mkdirSync(join(to, 'notes'));
    for (const name of readdirSync(notesDir)) {
      const source = readFileSync(join(notesDir, name), 'utf8');
      const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      const data = YAML.parse(front);
      for (const i of copies) {
        const mapped = { ...data, ksb: code(data.ksb, i), related: codes(data.related, i) };
        writeFileSync(join(to, 'notes', `${mapped.ksb.toLowerCase()}.mdx`), `---\n${YAML.stringify(mapped)}---\n${body}`);
      }
    }
  }

  if (existsSync(join(from, 'practice/prompts.yaml'))) {
    const prompts = read('practice/prompts.yaml');
    write('practice/prompts.yaml', copies.flatMap((i) => prompts.map((p) => ({
      ...p,
      id: `${criterionId(p.criterion, themeOfCriterion, i)}${p.id.slice(p.criterion.length)}`,
      criterion: criterionId(p.criterion, themeOfCriterion, i),
    }))));
  }
}

/**
 * The one bridge from Astro's content collections to the domain layer. Pages call getStandard()
 * and then ask src/lib/standard.ts their questions; they never read collections themselves.
 */
import { getCollection, getEntry } from 'astro:content';
import { createStandard, type Standard } from '../lib/standard';

let cached: Promise<Standard> | undefined;

export function getStandard(): Promise<Standard> {
  // In `astro dev` content can change between requests; a build reads it once.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

async function load(): Promise<Standard> {
  const values = <T extends { data: unknown }>(entries: T[]) => entries.map((entry) => entry.data as T['data']);
  const main = <T>(entry: T | undefined, name: string): T => {
    if (!entry) throw new Error(`The ${name} collection is empty`);
    return entry;
  };
  // Collections keep the order of their files; the specification's table order matters for criteria.
  return createStandard({
    keyFacts: main(await getEntry('keyFacts', 'main'), 'keyFacts').data,
    ksbs: values(await getCollection('ksbs')),
    duties: values(await getCollection('duties')),
    methods: values(await getCollection('methods')),
    themes: values(await getCollection('themes')),
    criteria: values(await getCollection('criteria')),
    requirements: main(await getEntry('requirements', 'main'), 'requirements').data,
    grading: main(await getEntry('grading', 'main'), 'grading').data,
    sources: values(await getCollection('sources')),
    eligibility: main(await getEntry('eligibilityQuotes', 'main'), 'eligibilityQuotes').data,
    rules: main(await getEntry('rules', 'main'), 'rules').data,
  });
}

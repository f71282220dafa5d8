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
  const data = async <C extends 'ksbs' | 'duties' | 'methods' | 'themes' | 'criteria' | 'sources'>(name: C) =>
    (await getCollection(name)).map((entry) => entry.data);
  const single = async <C extends 'keyFacts' | 'requirements' | 'grading'>(name: C) => {
    const entry = await getEntry(name, 'main');
    if (!entry) throw new Error(`The ${name} collection is empty`);
    return entry.data;
  };
  // Collections keep the order of their files; the specification's table order matters for criteria.
  return createStandard({
    keyFacts: await single('keyFacts'),
    ksbs: await data('ksbs'),
    duties: await data('duties'),
    methods: await data('methods'),
    themes: await data('themes'),
    criteria: await data('criteria'),
    requirements: await single('requirements'),
    grading: await single('grading'),
    sources: await data('sources'),
  });
}

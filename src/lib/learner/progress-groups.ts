/** How the progress views group KSBs: methods, their themes, each theme's KSBs (built at build time by src/data/progress.ts). */
import type { MethodId } from '../content/schemas';

export interface ProgressKsb {
  code: string;
  statement: string;
  /** Plain-English one-liner (the revision note's summary). */
  summary?: string | undefined;
}
export interface ProgressTheme {
  id: string;
  name: string;
  href: string;
  ksbs: ProgressKsb[];
}
export interface ProgressMethod {
  id: MethodId;
  name: string;
  href: string;
  themes: ProgressTheme[];
}

/** What the eligibility pages hand to their islands (plain data: islands never read collections). */
import type { KsbKind } from '../../lib/standard';

export interface KsbSummary {
  code: string;
  kind: KsbKind;
  statement: string;
  href: string;
}

export interface SectionLink {
  id: 'english-and-maths' | 'role' | 'ksbs' | 'gateway' | 'summary';
  title: string;
  href: string;
  description: string;
}

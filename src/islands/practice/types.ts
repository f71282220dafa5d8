/**
 * What a session draws on: the page's themes and timings (handed to the island) with the questions
 * and criteria the island loads when a session starts or opens (src/lib/practice-texts.ts).
 */
import type { MethodTiming } from '../../lib/practice';
import type { CriterionInfo, PracticeTexts, PromptInfo } from '../../lib/practice-texts';

export interface ThemeInfo {
  id: string;
  name: string;
  method: 'am1' | 'am2';
  slug: string;
}

export interface PracticeProps {
  prompts: PromptInfo[];
  criteria: CriterionInfo[];
  themes: ThemeInfo[];
  timing: { am1: MethodTiming; am2: MethodTiming };
  minimumQuestions: number;
  presentationContents: string[];
}

/** What the practice page hands its island: all but the questions and criteria, loaded when needed. */
export type PracticePageProps = Omit<PracticeProps, keyof PracticeTexts>;

export type HeadingRef = { current: HTMLHeadingElement | null };

export const METHOD_NAME = { am1: 'Presentation and questioning (AM1)', am2: 'Professional discussion (AM2)' } as const;

/** What the practice page hands its island: prompts, the criteria they draw on, themes and timings. */
import type { MethodTiming } from '../../lib/practice';

export interface PromptInfo {
  id: string;
  criterion: string;
  prompt: string;
  followUps?: string[] | undefined;
}

export interface CriterionInfo {
  id: string;
  theme: string;
  grade: 'pass' | 'distinction';
  text: string;
  ksbs: string[];
}

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

export type HeadingRef = { current: HTMLHeadingElement | null };

export const METHOD_NAME = { am1: 'Presentation and questioning (AM1)', am2: 'Professional discussion (AM2)' } as const;

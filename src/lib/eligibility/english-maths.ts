/**
 * English and maths: which rule applies to the learner, and what they need to do.
 */
import type { EligibilityAnswers } from './answers';

/** The English and maths questions that apply to these answers (EHCP and BSL only matter without level 2). */
export function englishMathsQuestions(a: EligibilityAnswers['englishMaths']): Array<keyof EligibilityAnswers['englishMaths']> {
  return a.level2 === 'no' ? ['age', 'level2', 'ehcp', 'bsl'] : ['age', 'level2'];
}

export interface EnglishMathsResult {
  /** Which of the specification's two rules applies. */
  rule: 'aged16to18' | 'aged19plus' | undefined;
  /** What the person needs to do, in plain words. */
  outcome: 'met' | 'must-achieve' | 'exempt-by-agreement' | 'answer-questions';
  actions: string[];
}

/**
 * The EPA specification (May 2025) rule, by age on the start date:
 * - 16–18 without level 2 English and maths: must achieve it before the EPA; with an EHCP or legacy
 *   statement the minimum is Entry Level 3; BSL is an alternative to English for BSL users.
 * - 19+ without level 2: exempt, by prior agreement between apprentice and employer.
 */
export function englishMathsResult(a: EligibilityAnswers['englishMaths']): EnglishMathsResult {
  const rule = a.age === '16-18' ? 'aged16to18' : a.age === '19+' ? 'aged19plus' : undefined;
  if (!a.age || !a.level2) return { rule, outcome: 'answer-questions', actions: [] };
  if (a.level2 === 'yes') {
    return {
      rule,
      outcome: 'met',
      actions: ['Keep your level 2 English and maths certificates: they are evidence you submit at the gateway.'],
    };
  }
  if (a.age === '19+') {
    return {
      rule,
      outcome: 'exempt-by-agreement',
      actions: [
        'Agree the exemption with your employer (the specification calls it “prior agreement between the apprentice and employer”), and keep a record of it.',
        'At the gateway, submit confirmation that you are exempt from achieving English and maths qualifications.',
      ],
    };
  }
  const actions = [
    a.ehcp === 'yes'
      ? 'Achieve English and maths at Entry Level 3 or above before you take the end-point assessment (the minimum for those with an education, health and care plan or a legacy statement).'
      : 'Achieve level 2 English and maths before you take the end-point assessment.',
  ];
  if (a.bsl === 'yes') actions.push('A British Sign Language qualification can count instead of the English qualification, because BSL is your primary language.');
  actions.push('Ask your training provider how this will fit into your programme.');
  return { rule, outcome: 'must-achieve', actions };
}

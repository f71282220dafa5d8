/**
 * The eligibility and gateway-readiness checklist: its saved answers (./answers.ts) and how they are
 * kept (./feature.ts), the English and maths rule (./english-maths.ts), the gateway's time on
 * programme (./gateway-date.ts), what the answers mean (./verdicts.ts) and its sections (./sections.ts).
 */
export * from './answers';
export * from './feature';
export * from './english-maths';
export * from './gateway-date';
export * from './sections';
export * from './verdicts';

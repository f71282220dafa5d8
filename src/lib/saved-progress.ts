/**
 * Every feature that saves progress, in one list: the export file holds them all, the import
 * checks against them, and the "your data" page lists them. It sits above both the storage layer
 * (which knows no feature) and the features (which know only the storage layer).
 */
import { eligibilityFeature } from './eligibility/feature';
import { evidenceFeature } from './evidence/log';
import { plannerFeature } from './planner';
import { practiceFeature } from './practice';
import { quizFeature } from './quiz/engine';
import { ratingsFeature } from './ratings';
import { reportFeature } from './report';
import type { AnyFeature } from './storage/transfer';

export const FEATURES: readonly AnyFeature[] = [eligibilityFeature, ratingsFeature, quizFeature, practiceFeature, plannerFeature, reportFeature, evidenceFeature];

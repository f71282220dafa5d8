/** The field types every content schema shares. */
import { z } from 'zod';
import { KSB_CODE_PATTERN } from '../ksb-code';

/** K1–K31, S1–S34, B1–B5 style codes. Range checks happen in integrity.ts against ksbs.yaml. */
export const ksbCode = z.string().regex(KSB_CODE_PATTERN, 'must be a KSB code such as K7, S24 or B2');
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
export const isoDate = z.iso.date('must be a date written YYYY-MM-DD');
export const text = z.string().trim().min(1, 'must not be empty');

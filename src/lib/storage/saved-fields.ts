/**
 * Schema pieces that more than one feature's saved data uses: every value validated as what it is.
 * Each is built on first use (./shape.ts, lazySchema): call it inside a schema being built.
 */
import { z } from 'zod/mini';
import { DATE_RANGE, DATE_RANGE_TEXT, isDateInRange, isTimestamp } from '../dates';
import { KSB_CODE_PATTERN } from '../ksb-code';
import { lazySchema } from './shape';

/** A KSB code used as a key in saved progress (K7, S24, B2). */
export const savedKsbCode = lazySchema(() => z.string().check(z.regex(KSB_CODE_PATTERN)));

/** A calendar date the learner entered, YYYY-MM-DD, within the range the date rules support. */
export const savedDate = lazySchema(() => z.string().check(z.refine(isDateInRange, `must be a real date ${DATE_RANGE_TEXT}`)));

/** When something happened: an ISO 8601 timestamp. */
export const savedTimestamp = lazySchema(() => z.string().check(z.refine(isTimestamp, 'must be a date and time such as 2026-11-30T10:00:00.000Z')));

/** When something happened, as milliseconds since 1970 (Date.now()): within the same range as every other saved time. */
export const savedEpochMs = lazySchema(() =>
  z.number().check(z.int(), z.minimum(Date.parse(`${DATE_RANGE.min}T00:00:00.000Z`)), z.maximum(Date.parse(`${DATE_RANGE.max}T23:59:59.999Z`))),
);

/** Free text with a limit (the same limit as the field the learner types into). */
export const savedText = (max: number) => z.string().check(z.maxLength(max));

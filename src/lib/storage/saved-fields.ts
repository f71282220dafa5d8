/** Schema pieces that more than one feature's saved data uses. */
import { z } from 'zod/mini';
import { KSB_CODE_PATTERN } from '../ksb-code';

/** A KSB code used as a key in saved progress (K7, S24, B2). */
export const savedKsbCode = z.string().check(z.regex(KSB_CODE_PATTERN));

/**
 * The shape of the progress export file (Export on /my-data/), built from every saved feature's own
 * schema (src/lib/saved-progress.ts), so its published JSON Schema (/api/schemas/export.schema.json)
 * follows the features as they change. Used to check a real export in the browser tests.
 */
import { z } from 'zod/mini';
import { FEATURES } from './saved-progress';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './storage/transfer';

const envelopeOf = (data: z.ZodMiniType) => z.object({ version: z.number(), savedAt: z.string(), standard: z.optional(z.string()), data });

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  standard: z.optional(z.string()),
  backupOf: z.optional(z.string()),
  withoutWriting: z.optional(z.literal(true)),
  features: z.object(Object.fromEntries(FEATURES.map((f) => [f.feature, z.optional(envelopeOf(f.shape.schema))]))),
});

import { z } from 'zod';
import type { ScaleMetrics } from './model';

const quantity = z.object({
  min: z.number(),
  max: z.number(),
  approx: z.boolean(),
  each: z.boolean(),
  source: z.string(),
});

export const scaleMetricsSchema = z.object({
  landAreaM2: quantity.optional(),
  landAreaMu: quantity.optional(),
  floorAreaM2: quantity.optional(),
  beds: quantity.optional(),
  gravePlots: quantity.optional(),
  halls: quantity.optional(),
}) satisfies z.ZodType<ScaleMetrics>;

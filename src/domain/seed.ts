// Shape of the reviewable seed file resources/seed/*.json, validated when loaded.
import { z } from 'zod';
import { NATURES } from './model';

const placeKind = z.enum(['镇', '乡', '街道', '村', '社区']);

export const seedSiteSchema = z.object({
  town: z.string().min(1),
  village: z.string(),
  address: z.string(),
  scaleText: z.string(),
});

export const seedProjectSchema = z.object({
  seq: z.number().int().positive(),
  /** 序号 exactly as printed when it differs (the annex prints "115" for 15) */
  seqPrinted: z.string().nullable(),
  name: z.string().min(1),
  category: z.string().min(1),
  nature: z.enum(NATURES),
  owner: z.string(),
  locationText: z.string(),
  scaleText: z.string(),
  investmentWan: z.number().nonnegative(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  remark: z.string(),
  note: z.string(),
  sites: z.array(seedSiteSchema).min(1),
});

export const seedSchema = z.object({
  plan: z.object({
    title: z.string().min(1),
    issuer: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
  }),
  fundingSources: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })),
  places: z.array(
    z.object({
      name: z.string().min(1),
      kind: placeKind,
      children: z.array(z.object({ name: z.string().min(1), kind: placeKind })),
    }),
  ),
  projects: z.array(seedProjectSchema),
});

export type Seed = z.infer<typeof seedSchema>;
export type SeedProject = z.infer<typeof seedProjectSchema>;

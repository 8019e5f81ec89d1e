// Settings (设置) part of the Api contract: values kept in the setting table (key -> JSON).
//   'settings.get'    {}        -> Settings (defaults filled in for keys never saved)
//   'settings.update' { patch } -> Settings; refused with issues named 'lightThresholds.<field>'
import { z } from 'zod';
import type { LightThresholds } from '../facts/traffic-light';

const points = (label: string) =>
  z.number({ message: `${label}应为数字` }).min(0, `${label}应在 0 至 100 之间`).max(100, `${label}应在 0 至 100 之间`);
const months = (label: string, max: number) =>
  z.number({ message: `${label}应为数字` }).int(`${label}应为整数`).min(1, `${label}至少为 1`).max(max, `${label}最多为 ${max}`);

export const lightThresholdsSchema = z.object({
  yellowBehindPoints: points('黄灯起点'),
  redBehindPoints: points('红灯起点'),
  notStartedMonths: months('未开工判红月数', 60),
  staleMonths: months('未填报提醒月数', 36),
});

export const settingsPatchSchema = z.object({
  lightThresholds: lightThresholdsSchema.partial().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsSchemas = {
  'settings.get': z.object({}),
  'settings.update': z.object({ patch: settingsPatchSchema }),
};

export interface Settings {
  lightThresholds: LightThresholds;
}

export interface SettingsOutputs {
  'settings.get': Settings;
  'settings.update': Settings;
}

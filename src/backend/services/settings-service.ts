// Settings (设置): values in the setting table as JSON, defaults for keys never saved.
// A save is validated as a whole, written in one IMMEDIATE transaction and logged.
import { ApiError } from '../../domain/api/errors';
import { lightThresholdsSchema, type Settings, type SettingsPatch } from '../../domain/api/settings';
import { DEFAULT_LIGHT_THRESHOLDS, thresholdIssues, type LightThresholds } from '../../domain/facts/traffic-light';
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import { logRowInsert, logRowUpdate, newBatchId } from '../history/change-writer';
import { getSettingRow, insertSetting, updateSettingValue } from '../repositories/settings-repo';

const LIGHTS_KEY = 'lightThresholds';

/** The thresholds in force: saved values over the defaults; an unreadable value falls back to the defaults. */
export function lightThresholds(db: Database.Database): LightThresholds {
  const row = getSettingRow(db, LIGHTS_KEY);
  if (!row) return DEFAULT_LIGHT_THRESHOLDS;
  try {
    const parsed = lightThresholdsSchema.partial().safeParse(JSON.parse(row.value));
    if (!parsed.success) return DEFAULT_LIGHT_THRESHOLDS;
    const merged = { ...DEFAULT_LIGHT_THRESHOLDS, ...parsed.data };
    return thresholdIssues(merged).length === 0 ? merged : DEFAULT_LIGHT_THRESHOLDS;
  } catch {
    return DEFAULT_LIGHT_THRESHOLDS;
  }
}

export function getSettings(ctx: ServiceContext): Settings {
  return { lightThresholds: lightThresholds(ctx.db) };
}

export function updateSettings(ctx: ServiceContext, patch: SettingsPatch): Settings {
  if (patch.lightThresholds) {
    const next: LightThresholds = { ...lightThresholds(ctx.db), ...patch.lightThresholds };
    const issues = thresholdIssues(next);
    if (issues.length > 0) throw new ApiError('invalid', issues.map((i) => i.message).join('；'), issues);
    const value = JSON.stringify(next);
    ctx.db
      .transaction(() => {
        const batch = newBatchId();
        const row = getSettingRow(ctx.db, LIGHTS_KEY);
        if (!row) {
          logRowInsert(ctx, 'setting', { ...insertSetting(ctx.db, LIGHTS_KEY, value) }, null, batch);
        } else if (row.value !== value) {
          updateSettingValue(ctx.db, row.id, value);
          logRowUpdate(ctx, 'setting', row.id, null, 'value', row.value, value, batch);
        }
      })
      .immediate();
  }
  return getSettings(ctx);
}

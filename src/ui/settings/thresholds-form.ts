// The thresholds form of 设置 as plain logic: text fields -> numbers with per-field
// messages, using the contract's own schema and the domain's cross-field rule, so the
// page refuses exactly what the backend would.
import { lightThresholdsSchema } from '../../domain/api/settings';
import { thresholdIssues, type LightThresholds } from '../../domain/facts/traffic-light';

export type ThresholdField = keyof LightThresholds;
export type ThresholdText = Record<ThresholdField, string>;

export const THRESHOLD_FIELDS: { key: ThresholdField; label: string; unit: string; hint: string }[] = [
  { key: 'yellowBehindPoints', label: '黄灯起点', unit: '个百分点', hint: '落后序时进度达到此值（含）亮黄灯' },
  { key: 'redBehindPoints', label: '红灯起点', unit: '个百分点', hint: '落后序时进度超过此值亮红灯（等于此值仍为黄灯）' },
  { key: 'notStartedMonths', label: '未开工判红', unit: '个月', hint: '计划开工后满此月数仍未开工，亮红灯' },
  { key: 'staleMonths', label: '未填报提醒', unit: '个月', hint: '连续此月数没有进度报告，列入“需关注”' },
];

export function toText(t: LightThresholds): ThresholdText {
  return {
    yellowBehindPoints: String(t.yellowBehindPoints),
    redBehindPoints: String(t.redBehindPoints),
    notStartedMonths: String(t.notStartedMonths),
    staleMonths: String(t.staleMonths),
  };
}

export type ThresholdCheck = { ok: true; value: LightThresholds } | { ok: false; errors: Partial<Record<ThresholdField, string>> };

/** Full-width digits are accepted (typed with a Chinese IME). */
function toNumber(text: string): number {
  const t = text.normalize('NFKC').trim();
  return t === '' ? Number.NaN : Number(t);
}

export function checkThresholds(text: ThresholdText): ThresholdCheck {
  const parsed = lightThresholdsSchema.safeParse({
    yellowBehindPoints: toNumber(text.yellowBehindPoints),
    redBehindPoints: toNumber(text.redBehindPoints),
    notStartedMonths: toNumber(text.notStartedMonths),
    staleMonths: toNumber(text.staleMonths),
  });
  const errors: Partial<Record<ThresholdField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const f = THRESHOLD_FIELDS.find((x) => x.key === key);
      if (f && !errors[f.key]) errors[f.key] = issue.code === 'invalid_type' ? `${f.label}应为数字` : issue.message;
    }
    return { ok: false, errors };
  }
  for (const issue of thresholdIssues(parsed.data)) {
    const key = issue.field.split('.').at(-1);
    const f = THRESHOLD_FIELDS.find((x) => x.key === key);
    if (f) errors[f.key] = issue.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

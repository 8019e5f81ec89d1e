// Money is kept as integer 元; 万元 is only a display and file unit.

const YUAN_PER_WAN = 10_000;
// One formatter for all calls: toLocaleString builds a new one each time (~0.3 ms),
// which shows when scrolling 10,000 Gantt rows.
const WAN_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function wanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN);
}

export function yuanToWan(yuan: number): number {
  return yuan / YUAN_PER_WAN;
}

/** 637600000 元 → "63,760"; keeps up to 4 decimals (1 元 precision) without trailing zeros */
export function formatWan(yuan: number): string {
  return WAN_FORMAT.format(yuanToWan(yuan));
}

const WAN_FORMAT_2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** for shares computed by splitting (本镇分摊): 12,723.9005 → "12,723.9" — a cent-of-万元 is noise there */
export function formatWanRounded(yuan: number): string {
  return WAN_FORMAT_2.format(yuanToWan(yuan));
}

// Money is kept as integer 元; 万元 is only a display and file unit.

const YUAN_PER_WAN = 10_000;

export function wanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN);
}

export function yuanToWan(yuan: number): number {
  return yuan / YUAN_PER_WAN;
}

/** 63760 → "63,760"; keeps up to 4 decimals (1 元 precision) without trailing zeros */
export function formatWan(yuan: number): string {
  return yuanToWan(yuan).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

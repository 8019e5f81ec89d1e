// How a site is named wherever it is listed: "朱衣镇 朱衣村 xx路", or 建设点N when nothing is known.
export function siteName(s: { town: string; village: string; address: string; seq: number }): string {
  return [s.town, s.village, s.address].filter((p) => p !== '').join(' ') || `建设点${s.seq}`;
}

// formatWan with one cached Intl.NumberFormat: Number.toLocaleString builds a new
// formatter per call (~0.3 ms), which showed up while scrolling 10,000 rows.
// Same output as domain/money.formatWan: 63760 -> "63,760", up to 4 decimals.
import { yuanToWan } from '../../domain/money';

const WAN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatWanFast(yuan: number): string {
  return WAN.format(yuanToWan(yuan));
}

// Our own exports must pass our own import's zip guard. Bounded text can still be very
// repetitive (30 projects whose scale text is one character 4,000 times inflate 500-fold),
// and the guard refuses a large part that inflates more than maxRatio times as a zip bomb.
// Such parts are re-stored uncompressed (a ratio of 1): a larger file that reads back.
import JSZip from 'jszip';
import { DEFAULT_ZIP_LIMITS, readCentralDirectory, type ZipLimits } from './zip-guard';

/** keep well clear of the guard's ratio, whatever deflate level wrote the file */
const SAFETY = 0.5;

/** Would the guard refuse a part of these sizes, or find it close to its ratio limit? */
export function nearRatioLimit(uncompressedSize: number, compressedSize: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): boolean {
  return uncompressedSize > limits.ratioFloorBytes && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio * SAFETY;
}

/** Names of the parts the guard would refuse, or find close to its ratio limit. */
export function partsNearRatioLimit(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string[] {
  const measureOnly: ZipLimits = { ...limits, maxFileBytes: Infinity, maxTotalUncompressed: Infinity, maxRatio: Infinity, maxEntries: Infinity };
  return readCentralDirectory(buf, 'export.xlsx', measureOnly)
    .filter((e) => nearRatioLimit(e.uncompressedSize, e.compressedSize, limits))
    .map((e) => e.name);
}

/** The same workbook with every part near the guard's ratio limit stored uncompressed. */
export async function withinZipGuard(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Buffer> {
  const names = partsNearRatioLimit(buf, limits);
  if (names.length === 0) return buf;
  const zip = await JSZip.loadAsync(buf);
  for (const name of names) {
    const file = zip.file(name);
    if (file) zip.file(name, await file.async('uint8array'), { compression: 'STORE' });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

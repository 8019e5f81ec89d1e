// Checks an uploaded file BEFORE anything inflates it: is it a zip at all (or an old .xls,
// a CSV, a truncated download), and would it inflate past the caps (a zip bomb)? The
// central directory's declared sizes are checked first; then each entry is inflated with
// a hard output limit, so a zip that lies about its sizes is caught too.
import { constants, inflateRawSync } from 'node:zlib';
import { ApiError } from '../../domain/api/errors';

export interface ZipLimits {
  /** file size cap, bytes */
  maxFileBytes: number;
  /** cap on the sum of declared uncompressed sizes, bytes */
  maxTotalUncompressed: number;
  /** refuse an entry that inflates more than this many times its compressed size… */
  maxRatio: number;
  /** …when it is also larger than this (small XML parts compress very well legitimately) */
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function bad(fileName: string, message: string): ApiError {
  // the message is the issue as describeIssue prints it, so callers show it once
  return new ApiError('bad_file', `文件 ${fileName}：${message}`, [{ file: fileName, message }]);
}

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return false;
  const text = head.toString('utf8');
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  return replacement <= 2 || head.toString('latin1').split('').every((c) => c.charCodeAt(0) >= 9);
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  }
  return -1;
}

function readZip64Extra(extra: Buffer, need: { u: boolean; c: boolean; o: boolean }): { u?: number; c?: number; o?: number } {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      const out: { u?: number; c?: number; o?: number } = {};
      let q = p + 4;
      const next = (): number | undefined => {
        if (q + 8 > p + 4 + size) return undefined;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (need.u) out.u = next();
      if (need.c) out.c = next();
      if (need.o) out.o = next();
      return out;
    }
    p += 4 + size;
  }
  return {};
}

/** Reads the central directory; throws ApiError('bad_file') with a Chinese message for anything that is not a sound zip. */
export function readCentralDirectory(buf: Buffer, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  if (buf.length === 0) throw bad(fileName, '文件是空的（0 字节），不是 Excel 工作簿。');
  if (buf.length > limits.maxFileBytes) {
    throw bad(fileName, `文件有 ${(buf.length / 1048576).toFixed(1)} MB，超过 ${limits.maxFileBytes / 1048576} MB 的上限。`);
  }
  if (buf.subarray(0, 8).equals(OLE_HEADER)) {
    throw bad(fileName, '这是旧版 Excel 97-2003 工作簿（.xls），不能直接导入。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入。');
  }
  const sig = buf.length >= 4 ? buf.readUInt32LE(0) : 0;
  if (sig !== SIG_LOCAL && sig !== SIG_EOCD) {
    if (looksLikeText(buf)) {
      throw bad(fileName, '这是文本文件（如 CSV），不是 Excel 工作簿。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再导入。');
    }
    throw bad(fileName, '不是 Excel 工作簿（.xlsx）：文件格式无法识别。');
  }
  const eocd = findEocd(buf);
  if (eocd < 0) throw bad(fileName, '文件不完整（可能下载或复制时被截断），无法读取。请重新获取原文件。');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw bad(fileName, '文件不完整或已损坏（ZIP64 目录缺失）。');
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) throw bad(fileName, '文件不完整或已损坏（ZIP64 目录缺失）。');
    count = Number(buf.readBigUInt64LE(z + 32));
    cdSize = Number(buf.readBigUInt64LE(z + 40));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  if (cdOffset + cdSize > buf.length) throw bad(fileName, '文件不完整（可能下载或复制时被截断），无法读取。请重新获取原文件。');
  if (count > limits.maxEntries) throw bad(fileName, `压缩包内有 ${count} 个文件，超过 ${limits.maxEntries} 个的上限，不像是正常的工作簿。`);

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw bad(fileName, '文件已损坏：压缩目录无法读取。');
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const need = { u: uncompressedSize === 0xffffffff, c: compressedSize === 0xffffffff, o: localHeaderOffset === 0xffffffff };
    if (need.u || need.c || need.o) {
      const z = readZip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), need);
      uncompressedSize = z.u ?? uncompressedSize;
      compressedSize = z.c ?? compressedSize;
      localHeaderOffset = z.o ?? localHeaderOffset;
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (method !== 0 && method !== 8) throw bad(fileName, `压缩包中“${name}”使用了不支持的压缩方式（${method}）。`);
    if (localHeaderOffset + 30 + compressedSize > buf.length || buf.readUInt32LE(localHeaderOffset) !== SIG_LOCAL) {
      throw bad(fileName, '文件不完整（可能下载或复制时被截断），无法读取。请重新获取原文件。');
    }
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed) {
      throw bad(fileName, `解压后将超过 ${limits.maxTotalUncompressed / 1048576} MB 的上限，已拒绝（疑似“压缩炸弹”）。`);
    }
    const ratio = uncompressedSize / Math.max(1, compressedSize);
    if (uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw bad(fileName, `压缩包中“${name}”的压缩比高达 ${Math.round(ratio)} 倍，已拒绝（疑似“压缩炸弹”）。`);
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/** Inflates one entry with an output limit equal to its declared size; throws when the data lies or is corrupt. */
export function inflateEntry(buf: Buffer, entry: ZipEntryInfo, fileName: string): Buffer {
  const lh = entry.localHeaderOffset;
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw bad(fileName, '文件不完整（可能下载或复制时被截断），无法读取。请重新获取原文件。');
  if (entry.method === 0) return data;
  try {
    // one output chunk a byte larger than the declared size: no concatenation of 16 KB pieces
    // (the declared sizes are already within the caps; maxOutputLength still stops a liar)
    const chunkSize = Math.max(constants.Z_MIN_CHUNK, entry.uncompressedSize + 1);
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize), chunkSize });
    if (out.length !== entry.uncompressedSize) throw new Error('size mismatch');
    return out;
  } catch {
    throw bad(fileName, `压缩包中“${entry.name}”已损坏或实际大小与声明不符，无法读取。`);
  }
}

export interface GuardedZip {
  entries: ZipEntryInfo[];
  /** the inflated XML parts, by name (only .xml/.rels), for the namespace check */
  xmlParts: Map<string, Buffer>;
}

/**
 * The whole guard: central directory and caps, then every part inflated under its declared
 * size, and the parts a workbook must have. Returns the inflated XML parts.
 */
export function guardZip(buf: Buffer, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): GuardedZip {
  const entries = readCentralDirectory(buf, fileName, limits);
  const xmlParts = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = inflateEntry(buf, e, fileName);
    if (/\.(xml|rels)$/i.test(e.name)) xmlParts.set(e.name, data);
  }
  if (!xmlParts.has('[Content_Types].xml') || ![...xmlParts.keys()].some((n) => /(^|\/)workbook\d*\.xml$/i.test(n))) {
    throw bad(fileName, '这是一个压缩包，但不是 Excel 工作簿（缺少工作簿内容）。');
  }
  return { entries, xmlParts };
}

// A minimal zip writer for the workbooks xlsx-writer.ts makes: every part deflated by Node's
// native zlib (JSZip's JavaScript deflate took three times as long), no zip64 (our import
// caps a file at 100 MB anyway). A part `keepStored` picks is stored as is: our own import
// refuses a large part that inflates too many times over as a zip bomb (guard-safe-zip.ts).
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
}

export interface ZipOptions {
  /** the parts' modification time */
  date: Date;
  /** zlib level, 1 (fast) to 9 (small) */
  level: number;
  /** true to store this part uncompressed after all */
  keepStored?: (part: ZipPart, deflatedSize: number) => boolean;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of the data; Node's native one where it has it (20.15 and later). */
function crc32(data: Buffer): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** MS-DOS time and date words (two-second resolution, UTC so that files do not depend on the time zone). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const MAX_32 = 0xffffffff;

/** The zip file of `parts`, in their order. */
export function zipParts(parts: readonly ZipPart[], opts: ZipOptions): Buffer {
  const { time, date } = dosDateTime(opts.date);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const deflated = zlib.deflateRawSync(part.data, { level: opts.level });
    const store = deflated.length >= part.data.length || (opts.keepStored?.(part, deflated.length) ?? false);
    const body = store ? part.data : deflated;
    if (offset + body.length > MAX_32 || part.data.length > MAX_32) throw new Error(`工作簿过大，无法写入（${part.name}）`);
    const crc = crc32(part.data);
    const method = store ? 0 : 8;
    const utf8 = /[^\x20-\x7e]/.test(part.name) ? 0x0800 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(utf8, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42); // extra, comment, disk, attributes: all 0
    central.push(entry, name);

    chunks.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

// A forward-only tag scanner over the bytes of an XML part, for the direct workbook reader.
// It works on the inflated Buffer itself: no decoding of a 4 MB sheet into a string, no
// substring per element; text is decoded only for the values asked for. One pass, never
// backwards, so a hostile file costs time linear in its size. Comments, processing
// instructions, CDATA and DOCTYPE are skipped; quotes in attribute values are respected.
// Anything unterminated throws, and the caller falls back to ExcelJS.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const DASH = 0x2d;
const LBRACKET = 0x5b;

/** The bytes of ASCII text: a tag's local name for `is`, or markup for `skip`. */
export function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

export class XmlScanner {
  /** index just after the last tag read */
  pos: number;
  /** the tag last read by next(): index of its "<" */
  tagStart = 0;
  /** index of its ">" */
  tagEnd = 0;
  /** "</name>" */
  closing = false;
  /** "<name … />" */
  selfClosing = false;
  private localStart = 0;
  private nameEnd = 0;

  constructor(
    readonly bytes: Buffer,
    from = 0,
    private readonly end = bytes.length,
  ) {
    this.pos = from;
  }

  /** Moves to the next start or end tag; false at the end. The text before it is [old pos, tagStart). */
  next(): boolean {
    const b = this.bytes;
    const n = this.end;
    let i = this.pos;
    for (;;) {
      while (i < n && b[i] !== LT) i++;
      if (i >= n) {
        this.pos = n;
        return false;
      }
      const c = b[i + 1];
      if (c === QUESTION) {
        i = this.skipPast('?>', i + 2);
        continue;
      }
      if (c === BANG) {
        if (b[i + 2] === DASH && b[i + 3] === DASH) i = this.skipPast('-->', i + 4);
        else if (b[i + 2] === LBRACKET) i = this.skipPast(']]>', i + 3);
        else i = this.skipPast('>', i + 2);
        continue;
      }
      break;
    }
    this.tagStart = i;
    let k = i + 1;
    this.closing = b[k] === SLASH;
    if (this.closing) k++;
    let local = k;
    while (k < n) {
      const ch = b[k] ?? 0;
      if (ch === COLON) local = k + 1;
      else if (ch <= 0x20 || ch === GT || ch === SLASH) break;
      k++;
    }
    this.localStart = local;
    this.nameEnd = k;
    while (k < n) {
      const ch = b[k];
      if (ch === DQUOTE || ch === SQUOTE) {
        k++;
        while (k < n && b[k] !== ch) k++;
      } else if (ch === GT) break;
      k++;
    }
    if (k >= n) throw new Error(`unterminated <${this.name()}>`);
    this.tagEnd = k;
    this.selfClosing = !this.closing && b[k - 1] === SLASH;
    this.pos = k + 1;
    return true;
  }

  /** Whether the tag's local name (any prefix) is `name`. */
  is(name: Uint8Array): boolean {
    const len = this.nameEnd - this.localStart;
    if (len !== name.length) return false;
    const b = this.bytes;
    for (let j = 0; j < len; j++) if (b[this.localStart + j] !== name[j]) return false;
    return true;
  }

  /** The local name, for messages. */
  name(): string {
    return this.bytes.toString('latin1', this.localStart, Math.min(this.nameEnd, this.localStart + 40));
  }

  /**
   * The start tag's attributes named (local name, any prefix) in `names`: out[2i], out[2i+1] =
   * the value's byte range, or -1, -1 when absent. One pass over the tag.
   */
  attrs(names: readonly Uint8Array[], out: Int32Array): void {
    out.fill(-1);
    const b = this.bytes;
    const stop = this.tagEnd;
    let k = this.nameEnd;
    while (k < stop) {
      while (k < stop && ((b[k] ?? 0) <= 0x20 || b[k] === SLASH)) k++;
      if (k >= stop) return;
      let local = k;
      while (k < stop && b[k] !== EQUALS && (b[k] ?? 0) > 0x20) {
        if (b[k] === COLON) local = k + 1;
        k++;
      }
      const nameEnd = k;
      while (k < stop && (b[k] ?? 0) <= 0x20) k++;
      if (b[k] !== EQUALS) continue;
      k++;
      while (k < stop && (b[k] ?? 0) <= 0x20) k++;
      const q = b[k];
      if (q !== DQUOTE && q !== SQUOTE) return;
      const vs = k + 1;
      k = vs;
      while (k < stop && b[k] !== q) k++;
      const ve = k;
      k++;
      for (let a = 0; a < names.length; a++) {
        const want = names[a];
        if (!want || out[2 * a] !== -1 || nameEnd - local !== want.length) continue;
        let same = true;
        for (let j = 0; j < want.length; j++) if (b[local + j] !== want[j]) same = false;
        if (same) {
          out[2 * a] = vs;
          out[2 * a + 1] = ve;
        }
      }
    }
  }

  /**
   * After a start tag: the text up to its end tag, which must follow directly ("<v>12</v>");
   * markup inside (a CDATA section, a comment) is beyond this reader and throws.
   */
  textOf(name: Uint8Array): [number, number] {
    const start = this.pos;
    const lt = this.nextLt();
    this.pos = lt;
    if (!this.next() || this.tagStart !== lt || !this.closing || !this.is(name)) throw new Error(`unclosed <${Buffer.from(name).toString('latin1')}>`);
    return [start, lt];
  }

  /** Whether the bytes at pos are `marker` (e.g. "<v>"); when they are, pos moves past them. */
  skip(marker: Uint8Array): boolean {
    const b = this.bytes;
    const p = this.pos;
    if (p + marker.length > this.end) return false;
    for (let j = 0; j < marker.length; j++) if (b[p + j] !== marker[j]) return false;
    this.pos = p + marker.length;
    return true;
  }

  /** The index of the next "<" from pos (the end when there is none); pos does not move. */
  nextLt(): number {
    const b = this.bytes;
    let i = this.pos;
    while (i < this.end && b[i] !== LT) i++;
    return i;
  }

  private skipPast(marker: string, from: number): number {
    const at = this.bytes.indexOf(marker, from, 'latin1');
    if (at < 0 || at >= this.end) throw new Error('unterminated markup');
    return at + marker.length;
  }
}

// A growing byte buffer for the sheet data of big worksheets: the markup of a cell is ASCII
// and its numbers are digits, so they are written byte by byte instead of being assembled
// as strings (a 10,000-row annex made about a million short-lived strings, and collecting
// them cost more than writing the file).

export class ByteWriter {
  private buf: Buffer;
  private len = 0;

  constructor(initialBytes = 1 << 16) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** Text known to be ASCII (markup, cell references, numbers as JavaScript prints them). */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let at = this.len;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.len = at;
  }

  /** Any text, as UTF-8. */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  /** A non-negative safe integer in decimal. */
  uint(n: number): void {
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.room(digits);
    const b = this.buf;
    let x = n;
    for (let i = this.len + digits - 1; i >= this.len; i--) {
      b[i] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.len += digits;
  }

  /** The bytes written (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

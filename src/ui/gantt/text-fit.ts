// Whether a grid cell's text may not fit its width. Only such cells get
// `overflow: hidden; text-overflow: ellipsis`: a clip on every cell costs a paint clip
// node each, which Chromium then has to carry through every scroll frame. Pure.
//
// The estimate is an upper bound, so a cell left unclipped never spills: CJK and other
// non-ASCII characters count a full em, ASCII 0.62 em, except the wide letters that
// can reach an em.

const WIDE_ASCII = /[MWmw@%&]/;

/** upper bound of the text's width in px at fontPx (bold: +6 %) */
export function textWidthBound(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a surrogate pair
    em += c > 0x7f || WIDE_ASCII.test(text[i] ?? '') ? 1 : 0.62;
  }
  return em * fontPx * (bold ? 1.06 : 1);
}

/** true when the text may be wider than `room` px: clip it (with an ellipsis) */
export function mayOverflow(text: string, room: number, fontPx: number, bold = false): boolean {
  // a cheap exit: even at a full em per character it fits
  if (text.length * fontPx * (bold ? 1.06 : 1) <= room) return false;
  return textWidthBound(text, fontPx, bold) > room;
}

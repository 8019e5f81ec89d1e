// The paper sizes the app prints on (landscape), the one home of 'A3' | 'A4' for the
// Gantt print layout, the remembered print choice and the desktop shell's printToPDF.
export const PAPER_SIZES = ['A3', 'A4'] as const;
export type Paper = (typeof PAPER_SIZES)[number];

/** landscape sheet sizes in mm */
export const PAPERS: Record<Paper, { widthMm: number; heightMm: number }> = {
  A3: { widthMm: 420, heightMm: 297 },
  A4: { widthMm: 297, heightMm: 210 },
};

export function isPaper(s: unknown): s is Paper {
  return s === 'A3' || s === 'A4';
}

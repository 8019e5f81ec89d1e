// A column of a workbook the app reads and writes: how its header is printed, which other
// names real files use for it, whether an import needs it, and its width on export.
// Generic over the field names, so the annex, 资金构成 and 进度月报 each name their own.

export interface ColumnDef<F extends string = string> {
  field: F;
  /** header exactly as our export prints it */
  header: string;
  /** other names real files use; matched after normaliseHeader */
  synonyms: readonly string[];
  required: boolean;
  /** Excel column width in characters */
  width: number;
  /**
   * an amount whose unit the header may name ("（万元）", "（元）", "（亿元）");
   * the match reports 元 per unit for it (万元 when the header names none)
   */
  money?: boolean;
}

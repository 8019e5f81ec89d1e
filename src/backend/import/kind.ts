// What a workbook kind (annex 附件1, 资金构成, 进度月报) supplies to the import pipeline.
// See pipeline.ts for the whole path; register a kind in kinds/parsers.ts (its parser)
// and kinds/index.ts (the rest).
import type { Issue } from '../../domain/api/errors';
import type { AnnexImportPreview, ImportKind, SectionedImportPreview } from '../../domain/api/xlsx';
import type { ColumnDef } from '../../domain/xlsx/column-def';
import type { ProgressReporter, ServiceContext } from '../context';
import type { WorkbookGrid } from '../xlsx/grid';

export type { ProgressReporter };

/**
 * What parsing a workbook gives. Plain data only (no functions, no class instances): it is
 * made in the parse worker and crosses to the main thread by structured clone.
 */
export interface ParsedWorkbook<Row = unknown, Meta = unknown> {
  kind: ImportKind;
  fileName: string;
  /** the sheet the rows come from ('' when none was found) */
  sheet: string;
  /** what the kind reads above the table, e.g. the plan title or the report month */
  meta: Meta;
  rows: Row[];
  warnings: Issue[];
  /** every problem, each naming file, sheet, row and column; any error refuses the whole file */
  errors: Issue[];
}

/**
 * The pure part of a kind: finds its table in the grid and turns cells into rows. Runs in the
 * parse worker: no database, no I/O, no clock (a month in the future is a diff-time check,
 * where ctx.today() is known). Never throws for bad data: problems go to `errors`.
 */
export interface ImportParser<Row = unknown, Meta = unknown> {
  kind: ImportKind;
  /** the columns the kind reads (header, synonyms, required); exports use the same list */
  columns: readonly ColumnDef[];
  /**
   * `onRows` (optional to call): rows already accepted, in order, each once, while the rest are
   * still being read. The result's `rows` then begin with exactly these rows: the worker sends
   * them ahead (parse-worker.ts) so the main thread can start on them (ImportKindDef.headStart).
   */
  parse(grid: WorkbookGrid, fileName: string, progress?: ProgressReporter, onRows?: RowsSink<Row>): ParsedWorkbook<Row, Meta>;
}

/** Receives rows as a parser accepts them (see ImportParser.parse). */
export type RowsSink<Row = unknown> = (rows: Row[]) => void;

/** What the caller asked for besides the file (from xlsx.importPreview). */
export interface ImportOptions {
  planId?: number;
  planTitle?: string;
  /** 'YYYY-MM' */
  month?: string;
}

type FilledByPipeline = 'token' | 'fileName' | 'sheet' | 'writes' | 'warnings';

/** The kind's part of the preview; the pipeline adds token, file name, sheet, writes, warnings. */
export type PreviewBody = Omit<AnnexImportPreview, FilledByPipeline> | Omit<SectionedImportPreview, FilledByPipeline>;

/** The outcome of diff: what to show, and what apply will need. */
export interface ImportPlan<Payload> {
  preview: PreviewBody;
  /** added to the parse's warnings */
  warnings: Issue[];
  /** rows the apply would write; 0 = nothing to do (no backup, no transaction) */
  writes: number;
  /** everything apply needs; kept in memory with the preview's token */
  payload: Payload;
}

export interface ApplyOutcome {
  planId: number | null;
  added: number;
  changed: number;
  unchanged: number;
  /** one Chinese line, e.g. "新增 3 项，修改 1 项，不变 11 项" */
  summary: string;
}

export interface ImportKindDef<Row, Meta, Payload, Head = undefined> {
  parser: ImportParser<Row, Meta>;
  /**
   * Optional: pure work on each row (no database), begun on the rows the parser sends ahead
   * while the worker still parses the rest, so that it overlaps the parse. diff gets the
   * result; it must come out exactly as if diff had done that work itself.
   */
  headStart?: { begin(): Head; rows(head: Head, rows: readonly Row[]): void };
  /**
   * Compares the parsed rows with the database: read-only, outside any transaction.
   * Throws ApiError('bad_file', …, issues) for rows the database would refuse
   * (naming sheet, row and column), ApiError('invalid'|'not_found') for bad options.
   * `head`: headStart's work on (some of) parsed.rows, when the kind has a headStart.
   */
  diff(ctx: ServiceContext, parsed: ParsedWorkbook<Row, Meta>, options: ImportOptions, head?: Head): ImportPlan<Payload>;
  /**
   * A cheap digest of exactly the database state diff read (ids and values of the rows it
   * compared against, e.g. hashed SELECTs). Taken at preview time and again inside the
   * apply transaction: any difference means someone wrote meanwhile, and the import is
   * refused with 请重新预览 instead of applying a stale plan.
   */
  fingerprint(ctx: ServiceContext, payload: Payload): string;
  /**
   * Writes the plan. Called inside the pipeline's ONE IMMEDIATE transaction (do not open
   * your own; nested db.transaction calls become savepoints). Log every row through
   * history/change-writer with `batchId` (the whole import is one batch). Throwing rolls
   * everything back. ctx.door is 'import'.
   */
  apply(ctx: ServiceContext, payload: Payload, batchId: string, progress: ProgressReporter): ApplyOutcome;
}

/** A kind with its types bound, as the registry holds it. */
export interface RegisteredKind {
  parser: ImportParser;
  prepare(ctx: ServiceContext, parsed: ParsedWorkbook, options: ImportOptions): PreparedImport;
  /** One file's import begun before its parse ends: feed it the rows sent ahead, then prepare. */
  begin(): ImportStart;
}

export interface ImportStart {
  /** rows the parser sent ahead (structured-cloned: the same objects then appear in parsed.rows) */
  onRows: RowsSink;
  prepare(ctx: ServiceContext, parsed: ParsedWorkbook, options: ImportOptions): PreparedImport;
}

/** A diffed import waiting for apply: the payload is captured by these closures. */
export interface PreparedImport {
  preview: PreviewBody;
  warnings: Issue[];
  writes: number;
  fingerprint(ctx: ServiceContext): string;
  apply(ctx: ServiceContext, batchId: string, progress: ProgressReporter): ApplyOutcome;
}

/** Binds a kind's types once, so the registry can hold kinds of different row types. */
export function defineKind<Row, Meta, Payload, Head = undefined>(def: ImportKindDef<Row, Meta, Payload, Head>): RegisteredKind {
  const prepareWith = (ctx: ServiceContext, parsed: ParsedWorkbook, options: ImportOptions, head: Head | undefined): PreparedImport => {
    // parsed was made by def.parser (the registry looks both up by the same kind) and then
    // structured-cloned from the worker, which keeps the shape but not the static type.
    const plan = def.diff(ctx, parsed as ParsedWorkbook<Row, Meta>, options, head);
    return {
      preview: plan.preview,
      warnings: plan.warnings,
      writes: plan.writes,
      fingerprint: (c) => def.fingerprint(c, plan.payload),
      apply: (c, batchId, progress) => def.apply(c, plan.payload, batchId, progress),
    };
  };
  return {
    parser: def.parser,
    prepare: (ctx, parsed, options) => prepareWith(ctx, parsed, options, undefined),
    begin() {
      const start = def.headStart;
      if (!start) return { onRows: () => {}, prepare: (ctx, parsed, options) => prepareWith(ctx, parsed, options, undefined) };
      const head = start.begin();
      let ok = true;
      return {
        // rows from def.parser, as for parsed above. It runs in the worker's message handler:
        // a throw must not escape there. It stops the head start instead, and diff, doing the
        // rest itself, meets the same problem where its errors are reported.
        onRows: (rows) => {
          if (!ok) return;
          try {
            start.rows(head, rows as Row[]);
          } catch {
            ok = false;
          }
        },
        prepare: (ctx, parsed, options) => prepareWith(ctx, parsed, options, head),
      };
    },
  };
}

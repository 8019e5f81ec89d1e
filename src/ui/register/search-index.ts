// The register's search index: built once per data load, so a keystroke is one indexOf per
// row (no re-normalising of every project's and site's text on each key).
//
// Each row's haystack is one normalised string in three parts (normalised in one call per row):
//   [0, shownEnd)      序号, name, category, nature, remark, owner: what the row shows in full
//   [shownEnd, rowEnd) 建设地, 规模: shown clamped to two lines
//   [rowEnd, end)      the site texts (town village address scale)
// Fields are separated by control characters that normalising keeps and no typed search holds,
// so a search never matches across two fields.
import type { RegisterRow } from '../../domain/api/register';

/** Width-, case- and space-insensitive form used on both sides of a search. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export interface SearchIndex {
  readonly hays: readonly string[];
  readonly shownEnds: Uint32Array;
  readonly rowEnds: Uint32Array;
}

/**
 * What a search finds in one row: 'row' in what the row itself shows; 'sites' in its site list
 * and not in the fields shown in full (then its sites open).
 */
export type Hit = 'none' | 'row' | 'sites';

type Indexed = Pick<RegisterRow, 'seq' | 'name' | 'category' | 'nature' | 'remark' | 'owner' | 'locationText' | 'scaleText' | 'siteTexts'>;

/** between two fields of a part */
const FIELD = '\u0001';
/** between two parts */
const PART = '\u0002';

/**
 * Builds the index a slice at a time (the page feeds it idle time after the first paint, so no
 * long task delays a frame); index() finishes it at once when a search needs it first.
 */
export class SearchIndexBuilder {
  private readonly hays: string[];
  private readonly shownEnds: Uint32Array;
  private readonly rowEnds: Uint32Array;
  private next = 0;

  constructor(private readonly rows: readonly Indexed[]) {
    this.hays = new Array<string>(rows.length);
    this.shownEnds = new Uint32Array(rows.length);
    this.rowEnds = new Uint32Array(rows.length);
  }

  get done(): boolean {
    return this.next >= this.rows.length;
  }

  /** indexes up to `count` more rows; true when every row is indexed */
  step(count: number): boolean {
    const end = Math.min(this.rows.length, this.next + count);
    for (let i = this.next; i < end; i++) {
      const r = this.rows[i];
      if (r === undefined) continue;
      const raw = `${r.seq}${FIELD}${r.name}${FIELD}${r.category}${FIELD}${r.nature}${FIELD}${r.remark}${FIELD}${r.owner}${PART}${r.locationText}${FIELD}${r.scaleText}${PART}${r.siteTexts.join(FIELD)}`;
      const hay = normalise(raw);
      const shownEnd = hay.indexOf(PART);
      this.hays[i] = hay;
      this.shownEnds[i] = shownEnd;
      this.rowEnds[i] = hay.indexOf(PART, shownEnd + 1);
    }
    this.next = end;
    return this.done;
  }

  index(): SearchIndex {
    this.step(this.rows.length);
    return { hays: this.hays, shownEnds: this.shownEnds, rowEnds: this.rowEnds };
  }
}

export function buildSearchIndex(rows: readonly Indexed[]): SearchIndex {
  return new SearchIndexBuilder(rows).index();
}

/** Where the (already normalised, non-empty) needle is in row i. */
export function hitOf(index: SearchIndex, i: number, needle: string): Hit {
  const hay = index.hays[i] ?? '';
  const at = hay.indexOf(needle);
  if (at < 0) return 'none';
  if (at < (index.shownEnds[i] ?? 0)) return 'row';
  const rowEnd = index.rowEnds[i] ?? 0;
  return at >= rowEnd || hay.indexOf(needle, rowEnd) >= 0 ? 'sites' : 'row';
}

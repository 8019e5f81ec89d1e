import type { Backend } from '../../backend/backend';
import type { CreateMode } from '../../backend/db/connection';
import type { CliArgs } from '../args';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** opens (creating and seeding if missing) the database named by --db or the app's default; `create` narrows or widens what may be created */
  openBackend(opts?: { seed?: boolean; create?: CreateMode }): Backend;
  dbPath: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** flags that take a value (besides --db) */
  valueFlags?: readonly string[];
  boolFlags?: readonly string[];
  run(args: CliArgs, io: CliIO): Promise<number>;
}

// Registry of CLI commands; each feature adds its commands here.
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { listCommand } from './list';
import { restoreCommand } from './restore';
import type { CliCommand } from './types';

export const commands: CliCommand[] = [initCommand, listCommand, backupCommand, checkCommand, exportCommand, importCommand, restoreCommand];

// Settings methods of the handler table.
import { getSettings, updateSettings } from '../services/settings-service';
import type { HandlerTable } from './types';

export const settingsHandlers = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': ({ patch }, ctx) => updateSettings(ctx, patch),
} satisfies HandlerTable<'settings.get' | 'settings.update'>;

// Funding methods of the handler table.
import { getFunding, listSources, removeSource, saveFunding, saveSource } from '../services/funding-service';
import type { HandlerTable } from './types';

export const fundingHandlers = {
  'funding.get': (input, ctx) => getFunding(ctx, input),
  'funding.save': (input, ctx) => saveFunding(ctx, input),
  'fundingSources.list': (_input, ctx) => listSources(ctx),
  'fundingSources.save': (input, ctx) => saveSource(ctx, input),
  'fundingSources.remove': ({ id }, ctx) => removeSource(ctx, id),
} satisfies HandlerTable<'funding.get' | 'funding.save' | 'fundingSources.list' | 'fundingSources.save' | 'fundingSources.remove'>;

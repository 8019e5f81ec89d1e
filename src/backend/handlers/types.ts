import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../domain/api/contract';
import type { ServiceContext } from '../context';

export type Handler<M extends ApiMethod> = (
  input: ApiParsedInput<M>,
  ctx: ServiceContext,
) => ApiOutput<M> | Promise<ApiOutput<M>>;

export type HandlerTable<M extends ApiMethod> = { [K in M]: Handler<K> };

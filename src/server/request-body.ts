// Reading an Api request body: bounded in size per request and across concurrent requests,
// strict UTF-8 (a leading BOM is accepted and dropped), bounded nesting, JSON objects only.
// Every refusal is an HttpFailure with a Chinese message; a client that leaves is ClientGone.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../domain/api/errors';
import { ClientGone, HttpFailure } from './http-failure';

export interface BodyLimits {
  /** one request's body */
  maxBodyBytes: number;
  /** all bodies being received at once: a few concurrent uploads must not exhaust memory */
  maxInflightBytes: number;
  /** nesting of arrays and objects */
  maxDepth: number;
}

/** base64 of a 50 MB workbook plus JSON overhead */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBodyBytes: MAX_BODY_BYTES, maxInflightBytes: 3 * MAX_BODY_BYTES, maxDepth: 64 };

/** Bytes of request bodies held by the server right now. */
export class BodyBudget {
  private held = 0;
  constructor(private readonly max: number) {}
  take(n: number): boolean {
    if (this.held + n > this.max) return false;
    this.held += n;
    return true;
  }
  release(n: number): void {
    this.held = Math.max(0, this.held - n);
  }
  get inUse(): number {
    return this.held;
  }
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

function tooLarge(limits: BodyLimits): HttpFailure {
  return new HttpFailure(413, `请求过大（超过 ${megabytes(limits.maxBodyBytes)}）`, { close: true });
}

/** Collects the body; the budget is held until the response is closed. */
export function readBody(req: IncomingMessage, res: ServerResponse, limits: BodyLimits, budget: BodyBudget): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxBodyBytes) return Promise.reject(tooLarge(limits));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    res.once('close', () => budget.release(size));
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        chunks.length = 0;
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return; // the rest of a refused body is read and dropped, then the connection closes
      if (size + chunk.length > limits.maxBodyBytes) return settle(tooLarge(limits));
      if (!budget.take(chunk.length)) {
        return settle(new HttpFailure(503, '服务器正在接收其他大文件，请稍后重试', { code: 'conflict', close: true }));
      }
      size += chunk.length;
      chunks.push(chunk);
    });
    req.once('end', () => settle(null));
    req.once('error', () => settle(new ClientGone('客户端在发送请求内容时断开')));
    req.once('close', () => {
      if (!req.complete) settle(new ClientGone('客户端在发送请求内容时断开'));
    });
  });
}

/** Whether arrays/objects nest deeper than max (strings skipped), without recursion. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true }); // ignoreBOM false: a leading BOM is dropped

/** Bytes → the Api input object; an empty body is {}. Throws ApiError('invalid') in Chinese. */
export function parseJsonBody(bytes: Buffer, maxDepth: number): object {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiError('invalid', '请求内容不是有效的 UTF-8 文本');
  }
  if (text.trim() === '') return {};
  if (nestsDeeperThan(text, maxDepth)) throw new ApiError('invalid', `请求内容嵌套过深（超过 ${maxDepth} 层）`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('invalid', '请求内容不是有效的 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError('invalid', '请求内容必须是 JSON 对象（{ … }）');
  }
  return value;
}

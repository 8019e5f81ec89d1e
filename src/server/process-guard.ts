// The serve entry's last line of defence: a stray rejected promise or exception from a
// request is logged and the server goes on. Staying up is safe here because every write is
// one synchronous SQLite transaction: an error leaves it committed or rolled back, never half.
export interface GuardLog {
  error(line: string, error: unknown): void;
}

/** Installs the handlers; returns a function that removes them (for tests). */
export function installProcessGuards(log: GuardLog = { error: (line, e) => console.error(line, e) }): () => void {
  const onRejection = (reason: unknown) => log.error('[serve] 未处理的 Promise 拒绝（服务继续运行）：', reason);
  const onException = (error: Error) => log.error('[serve] 未捕获的异常（服务继续运行）：', error);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

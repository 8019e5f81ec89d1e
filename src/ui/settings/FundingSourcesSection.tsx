// 设置 → 资金来源: add a source, rename one; a source with amounts cannot be removed
// (the backend refuses it too, with the same words). Each change is one logged save.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import type { FundingSourceInfo } from '../../domain/api/funding';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { useReadOnly } from '../components/ReadOnlyBanner';
import { toApiError, useApi } from '../components/use-api';
import './funding-sources.css';

export default function FundingSourcesSection() {
  const { data, error: loadError } = useApi('fundingSources.list', {});
  const readOnly = useReadOnly();
  const [sources, setSources] = useState<FundingSourceInfo[] | null>(null);
  const [names, setNames] = useState<Record<number, string>>({});
  const [added, setAdded] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');

  const show = (list: FundingSourceInfo[]): void => {
    setSources(list);
    setNames(Object.fromEntries(list.map((s) => [s.id, s.name])));
  };
  useEffect(() => {
    if (data) show(data);
  }, [data]);

  if (loadError) return <ErrorBanner error={loadError} />;
  if (!sources) return <p className="empty">正在加载…</p>;

  const run = async (action: () => Promise<FundingSourceInfo[]>, done: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      show(await action());
      setNotice(done);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="funding-sources-title">
      <h2 id="funding-sources-title">资金来源</h2>
      <p className="hint">资金填报和资金构成表按这里的顺序列出各来源。已有金额的来源不能删除，可以改名。</p>
      <table className="grid compact funding-sources">
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col" className="num">已有金额</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => {
            const name = names[s.id] ?? s.name;
            const changed = name.trim() !== s.name && name.trim() !== '';
            return (
              <tr key={s.id}>
                <td>
                  <input
                    aria-label={`资金来源「${s.name}」的名称`}
                    value={name}
                    maxLength={40}
                    disabled={readOnly || busy}
                    onChange={(e) => setNames({ ...names, [s.id]: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && changed) void run(() => send('fundingSources.save', { id: s.id, name }), `已改名为「${name.trim()}」。`);
                    }}
                  />
                </td>
                <td className="num">{s.amountCount} 笔</td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    disabled={readOnly || busy || !changed}
                    onClick={() => void run(() => send('fundingSources.save', { id: s.id, name }), `已改名为「${name.trim()}」。`)}
                  >
                    改名
                  </button>{' '}
                  <button
                    type="button"
                    className="btn"
                    disabled={readOnly || busy || s.amountCount > 0}
                    title={s.amountCount > 0 ? `已有 ${s.amountCount} 笔金额，不能删除` : undefined}
                    onClick={() => {
                      if (window.confirm(`删除资金来源「${s.name}」？`)) void run(() => send('fundingSources.remove', { id: s.id }), `已删除「${s.name}」。`);
                    }}
                  >
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="settings-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (added.trim() === '') return;
          void run(() => send('fundingSources.save', { name: added }), `已添加「${added.trim()}」。`).then(() => setAdded(''));
        }}
      >
        <label>
          新来源{' '}
          <input value={added} maxLength={40} disabled={readOnly || busy} onChange={(e) => setAdded(e.target.value)} placeholder="如：专项债券" />
        </label>
        <button type="submit" className="btn" disabled={readOnly || busy || added.trim() === ''}>
          添加
        </button>
        {notice && (
          <span className="settings-notice" role="status">
            {notice}
          </span>
        )}
      </form>
      {error && <ErrorBanner error={error} onClose={() => setError(null)} />}
    </section>
  );
}

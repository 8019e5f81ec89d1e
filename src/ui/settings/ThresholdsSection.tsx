// 设置 → 红黄绿灯阈值: edit, check as you type, save (one logged change; 撤销 in 历史).
import { useEffect, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import { DEFAULT_LIGHT_THRESHOLDS } from '../../domain/facts/traffic-light';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { useReadOnly } from '../components/ReadOnlyBanner';
import { toApiError, useApi } from '../components/use-api';
import { checkThresholds, THRESHOLD_FIELDS, toText, type ThresholdText } from './thresholds-form';

export default function ThresholdsSection() {
  const { data, error } = useApi('settings.get', {});
  const readOnly = useReadOnly();
  const [text, setText] = useState<ThresholdText | null>(null);
  const [saved, setSaved] = useState<ThresholdText | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!data) return;
    const t = toText(data.lightThresholds);
    setText(t);
    setSaved(t);
  }, [data]);

  if (error) return <ErrorBanner error={error} />;
  if (!text || !saved) return <p className="empty">正在加载…</p>;

  const check = checkThresholds(text);
  const dirty = THRESHOLD_FIELDS.some((f) => text[f.key] !== saved[f.key]);

  const save = async (): Promise<void> => {
    if (!check.ok) return;
    setBusy(true);
    setSaveError(null);
    try {
      const next = await send('settings.update', { patch: { lightThresholds: check.value } });
      const t = toText(next.lightThresholds);
      setText(t);
      setSaved(t);
      setNotice('已保存，台账、甘特图和总览的红黄绿灯已按新阈值计算。');
    } catch (e) {
      setSaveError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">红黄绿灯阈值</h2>
      <p className="hint">
        序时进度：按计划建设期逐日均匀推进时今天应达到的进度。从未填报进度的项目显示灰色“未填报”，不判红灯；完工、竣工验收、投入使用或进度100%的为“已完成”。
      </p>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {THRESHOLD_FIELDS.map((f) => {
          const message = check.ok ? undefined : check.errors[f.key];
          return (
            <div key={f.key} className="settings-field">
              <label htmlFor={`th-${f.key}`}>{f.label}</label>
              <input
                id={`th-${f.key}`}
                inputMode="decimal"
                value={text[f.key]}
                disabled={readOnly}
                aria-invalid={message ? true : undefined}
                aria-describedby={`th-${f.key}-hint`}
                onChange={(e) => {
                  setNotice('');
                  setText({ ...text, [f.key]: e.target.value });
                }}
              />
              <span className="settings-unit">{f.unit}</span>
              <span id={`th-${f.key}-hint`} className={message ? 'field-error' : 'dim'}>
                {message ?? f.hint}
              </span>
            </div>
          );
        })}
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={readOnly || busy || !dirty || !check.ok}>
            保存
          </button>
          <button type="button" className="btn" disabled={readOnly || busy || !dirty} onClick={() => setText(saved)}>
            还原
          </button>
          <button type="button" className="btn-link" disabled={readOnly || busy} onClick={() => setText(toText(DEFAULT_LIGHT_THRESHOLDS))}>
            恢复默认值
          </button>
          {notice && (
            <span role="status" className="settings-notice">
              {notice}
            </span>
          )}
        </div>
      </form>
      {saveError && <ErrorBanner error={saveError} onClose={() => setSaveError(null)} />}
    </section>
  );
}

// Under the top bar: that the database is open read-only (the backend refuses every write),
// and any problem met at start that did not stop it (the daily backup on a full disk).
// Pages read `useReadOnly()` to disable their edit controls.
import { createContext, useContext, type ReactNode } from 'react';
import type { AppMeta } from '../../domain/api/register';
import { takeEarly } from '../early-requests';
import { useApi } from './use-api';
import './status-banner.css';

const ReadOnlyContext = createContext(false);

/** True when the database cannot be changed: hide or disable edit, import and undo controls. */
export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

export const READ_ONLY_TEXT = '数据库为只读，无法修改';

/** The banners themselves, from meta.get's status. */
export function StatusNotices({ status }: { status: Pick<AppMeta, 'readOnly' | 'warnings' | 'dbPath'> }) {
  return (
    <>
      {status.readOnly && (
        <div className="banner banner-warn" role="status">
          <strong>{READ_ONLY_TEXT}</strong>
          <p>
            {status.dbPath} 只能查看和导出。要修改，请取消该文件的只读属性，或把它复制到可写的文件夹，然后重新打开程序。
          </p>
        </div>
      )}
      {status.warnings.map((w) => (
        <div key={w} className="banner banner-warn" role="alert">
          {w}
        </div>
      ))}
    </>
  );
}

export default function ReadOnlyBanner({ children }: { children: ReactNode }) {
  const meta = useApi('meta.get', {}, { early: () => takeEarly('meta.get') });
  const status = meta.data;
  return (
    <ReadOnlyContext.Provider value={status?.readOnly ?? false}>
      {status && <StatusNotices status={status} />}
      {children}
    </ReadOnlyContext.Provider>
  );
}

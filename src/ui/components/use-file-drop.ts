// Drag and drop of a file anywhere onto the window: reports whether a file is being
// dragged over (for an overlay) and hands the dropped file over as base64, like shell.openFile.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../domain/api/errors';
import { fileTooLargeError, isFileTooLarge } from '../../domain/file-limits';
import { readFileBase64 } from '../shell';

export interface DroppedFile {
  fileName: string;
  base64: string;
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Listens on the document while `enabled`; the callbacks may change between renders. */
export function useFileDrop(
  onFile: (file: DroppedFile) => void,
  onError: (error: ApiError) => void,
  enabled = true,
): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const handlers = useRef({ onFile, onError });
  handlers.current = { onFile, onError };

  useEffect(() => {
    if (!enabled) return;
    // dragenter/dragleave fire for every child element; count them to know when the drag left the window
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (isFileTooLarge(file.size)) {
        handlers.current.onError(fileTooLargeError(file.name, file.size));
        return;
      }
      readFileBase64(file).then(
        (base64) => handlers.current.onFile({ fileName: file.name, base64 }),
        (err: unknown) => handlers.current.onError(err instanceof ApiError ? err : new ApiError('bad_file', String(err))),
      );
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [enabled]);

  return { dragging };
}

// Runs work after the next frame has been painted, where reading layout costs nothing (it is
// clean) and writing storage does not delay what the user sees. Returns a cancel function.
export function afterPaint(work: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const t = setTimeout(work, 0);
    return () => clearTimeout(t);
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  // a task queued from a frame callback runs after that frame's paint
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * Runs work once nothing has asked again for `quietMs` after a paint: a burst of keystrokes
 * writes the session state and the URL once, outside the frames that show each keystroke.
 */
export function afterPaintQuiet(work: () => void, quietMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancelPaint = afterPaint(() => {
    timer = setTimeout(work, quietMs);
  });
  return () => {
    cancelPaint();
    if (timer !== null) clearTimeout(timer);
  };
}

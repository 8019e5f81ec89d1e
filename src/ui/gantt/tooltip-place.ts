// Where a tooltip goes so it stays wholly inside the window: beside the anchor, flipped
// to the left / above when it would cross the right / bottom edge, and never squeezed
// (its width is its own; only the position moves). Pure.
export interface Size {
  width: number;
  height: number;
}

export const TIP_GAP = 14;
export const TIP_MARGIN = 8;

export function placeTooltip(anchor: { x: number; y: number }, tip: Size, win: Size): { left: number; top: number } {
  let left = anchor.x + TIP_GAP;
  if (left + tip.width > win.width - TIP_MARGIN) left = anchor.x - TIP_GAP - tip.width;
  let top = anchor.y + TIP_GAP;
  if (top + tip.height > win.height - TIP_MARGIN) top = anchor.y - TIP_GAP - tip.height;
  // a tip larger than the room on either side is pinned to the window's edge
  left = Math.max(TIP_MARGIN, Math.min(left, win.width - TIP_MARGIN - tip.width));
  top = Math.max(TIP_MARGIN, Math.min(top, win.height - TIP_MARGIN - tip.height));
  return { left, top };
}

// How each light is named and drawn. Every light has a text label and a pattern
// letter, so a black-and-white print still tells them apart.
import type { LightKey } from '../../domain/api/dashboard';

export const LIGHT_LABEL: Record<LightKey, string> = {
  red: '红灯·滞后',
  yellow: '黄灯·预警',
  green: '绿灯·正常',
  done: '已完成',
  grey: '未填报',
};

/** a mark that survives greyscale printing */
export const LIGHT_MARK: Record<LightKey, string> = { red: '✖', yellow: '▲', green: '●', done: '✔', grey: '○' };

export const LIGHT_COLOR: Record<LightKey, string> = {
  red: '#dc2626',
  yellow: '#eab308',
  green: '#16a34a',
  done: '#2563eb',
  grey: '#9ca3af',
};

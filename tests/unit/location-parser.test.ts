import { describe, expect, it } from 'vitest';
import { parseSiteList, placeKind, splitPlace } from '../../src/domain/location-parser';

describe('splitPlace', () => {
  it.each([
    ['公平镇车家社区', '公平镇', '车家社区', ''],
    ['汾河镇泉坪村', '汾河镇', '泉坪村', ''],
    ['夔门街道袁梁社区', '夔门街道', '袁梁社区', ''],
    ['太和土家族乡太和村', '太和土家族乡', '太和村', ''],
    ['长安土家族乡', '长安土家族乡', '', ''],
    ['朱衣镇', '朱衣镇', '', ''],
    ['鱼复街道报国路311号', '鱼复街道', '', '报国路311号'],
    ['安坪镇下坝村3组', '安坪镇', '下坝村', '3组'],
    ['长龙村', '', '长龙村', ''],
    ['新镇村', '', '新镇村', ''],
    [' 永乐镇幺店社区。', '永乐镇', '幺店社区', ''],
  ])('%s', (text, town, village, address) => {
    expect(splitPlace(text)).toEqual({ town, village, address });
  });
});

describe('parseSiteList', () => {
  it('applies a town to the villages after it until the next "，"', () => {
    expect(parseSiteList('公平镇万民村、长龙村，五马镇高榜村、厂河社区，羊市镇红旗村')).toEqual([
      { town: '公平镇', village: '万民村', address: '' },
      { town: '公平镇', village: '长龙村', address: '' },
      { town: '五马镇', village: '高榜村', address: '' },
      { town: '五马镇', village: '厂河社区', address: '' },
      { town: '羊市镇', village: '红旗村', address: '' },
    ]);
  });

  it('reads a list of towns, one site each', () => {
    const sites = parseSiteList('新民镇、兴隆镇、夔门街道、龙桥土家族乡');
    expect(sites.map((s) => s.town)).toEqual(['新民镇', '兴隆镇', '夔门街道', '龙桥土家族乡']);
    expect(sites.every((s) => s.village === '' && s.address === '')).toBe(true);
  });

  it('reads project 4 items each with its own town', () => {
    expect(parseSiteList('鱼复街道报国路311号、安坪镇下坝村、云雾土家族乡红椿村')).toEqual([
      { town: '鱼复街道', village: '', address: '报国路311号' },
      { town: '安坪镇', village: '下坝村', address: '' },
      { town: '云雾土家族乡', village: '红椿村', address: '' },
    ]);
  });

  it('does not carry a town across "，" and leaves it empty instead of guessing', () => {
    expect(parseSiteList('公平镇万民村，长龙村')[1]).toEqual({ town: '', village: '长龙村', address: '' });
  });

  it('ignores empty items and ASCII commas', () => {
    expect(parseSiteList('公平镇万民村、、长龙村,五马镇。')).toHaveLength(3);
    expect(parseSiteList('')).toEqual([]);
  });
});

describe('placeKind', () => {
  it.each([
    ['太和土家族乡', '乡'],
    ['鹤峰乡', '乡'],
    ['公平镇', '镇'],
    ['夔州街道', '街道'],
    ['车家坝社区', '社区'],
    ['万民村', '村'],
    ['报国路311号', null],
  ])('%s → %s', (name, kind) => {
    expect(placeKind(name)).toBe(kind);
  });
});

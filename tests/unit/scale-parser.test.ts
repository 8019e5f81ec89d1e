import { describe, expect, it } from 'vitest';
import { normalizeScaleText, parseScale } from '../../src/domain/scale-parser';

const q = (min: number, max: number, approx: boolean, each: boolean, source: string) => ({ min, max, approx, each, source });

describe('parseScale on annex 1 texts', () => {
  it('project 1: land ㎡ and beds', () => {
    expect(parseScale('占地面积21500㎡，建设床位500张。')).toEqual({
      landAreaM2: q(21500, 21500, false, false, '21500㎡'),
      beds: q(500, 500, false, false, '500张'),
    });
  });

  it('project 2: the total beds, not the bracketed breakdown', () => {
    const m = parseScale('占地面积7000㎡，建设床位200张（儿童床位150张，成人床位50张）。');
    expect(m.beds).toEqual(q(200, 200, false, false, '200张'));
  });

  it('project 4: no figures, no metrics', () => {
    expect(parseScale('分别在鱼复街道报国路311号、安坪镇下坝村，总计16个乡镇原有敬老院进行提档升级改造。')).toEqual({});
  });

  it('project 5: approximate total floor area and the 合计 beds over the per-centre range', () => {
    const m = parseScale(
      '分别在夔州街道、夔门街道，共计18个乡镇（街道）各建设1个养老服务中心，总计建筑面积约27300m²，各中心设计床位约20-100张，合计约500张。',
    );
    expect(m).toEqual({
      floorAreaM2: q(27300, 27300, true, false, '约27300m²'),
      beds: q(500, 500, true, false, '约500张'),
    });
  });

  it('keeps a per-site range as each when no total is given', () => {
    expect(parseScale('各中心设计床位约20-100张。').beds).toEqual(q(20, 100, true, true, '约20-100张'));
  });

  it('project 7: a bed range', () => {
    expect(parseScale('建筑面积5000m²，床位100-200张。')).toEqual({
      floorAreaM2: q(5000, 5000, false, false, '5000m²'),
      beds: q(100, 200, false, false, '100-200张'),
    });
  });

  it('project 8: land in 亩 beside floor area in m²', () => {
    const m = parseScale('占地面积10亩，建筑面积8500m²，床位200张。');
    expect(m.landAreaMu).toEqual(q(10, 10, false, false, '10亩'));
    expect(m.landAreaM2).toBeUndefined();
    expect(m.floorAreaM2?.min).toBe(8500);
  });

  it('project 10: the total floor area wins over 每个150-800m²', () => {
    const m = parseScale(
      '建筑面积约18900m²。公平镇万民村、长龙村。涉及23个乡镇（街道）的55个村（社区）各建一个便民服务中心（每个150-800m²），包含便民服务大厅。',
    );
    expect(m).toEqual({ floorAreaM2: q(18900, 18900, true, false, '约18900m²') });
  });

  it('a bare per-site area restates the last labelled area', () => {
    expect(parseScale('建筑面积若干（每个150-800m²）').floorAreaM2).toEqual(q(150, 800, false, true, '150-800m²'));
    expect(parseScale('150-800m²')).toEqual({});
  });

  it('project 11: unlabelled building areas are not counted as floor area', () => {
    expect(parseScale('占地面积8667m²。新建骨灰寄存堂5000㎡，加固改建告别室、休息厅、综合楼、火化车间等7500㎡。')).toEqual({
      landAreaM2: q(8667, 8667, false, false, '8667m²'),
    });
  });

  it('project 12: 总建筑面积, and 吊唁厅4800m² is an area, not a hall count', () => {
    const m = parseScale(
      '占地面积37654m²，殡仪馆总建筑面积18000m²。其中吊唁厅4800m²，配套用房7900m²，停车场及设备用房5300m²。',
    );
    expect(m).toEqual({
      landAreaM2: q(37654, 37654, false, false, '37654m²'),
      floorAreaM2: q(18000, 18000, false, false, '18000m²'),
    });
  });

  it('project 13: approximate land and 31 halls, ignoring 12个乡镇 and 1个服务站', () => {
    const m = parseScale('占地面积约52000m²。分别在新民镇、安坪镇共12个乡镇各新建1个殡仪服务站，吊唁厅31个，分别建设遗体冷藏室。');
    expect(m).toEqual({ landAreaM2: q(52000, 52000, true, false, '约52000m²'), halls: q(31, 31, false, false, '31个') });
  });

  it('project 14: 墓位1万个 is 10000 grave plots', () => {
    expect(parseScale('占地面积78954m²，设置墓位1万个。').gravePlots).toEqual(q(10000, 10000, false, false, '1万个'));
  });

  it('project 15: the total 亩 over 每个占地8-10亩; alone, the per-site range is each', () => {
    expect(parseScale('占地面积231亩。共26个乡镇（街道）各建设1个公益性公墓（每个占地8-10亩），建设管理用房').landAreaMu).toEqual(
      q(231, 231, false, false, '231亩'),
    );
    expect(parseScale('每个占地8-10亩').landAreaMu).toEqual(q(8, 10, false, true, '8-10亩'));
    expect(parseScale('占地8-10亩').landAreaMu).toEqual(q(8, 10, false, false, '8-10亩'));
  });
});

describe('parseScale edge cases', () => {
  it('reads full-width digits and ｍ²', () => {
    const m = parseScale('占地面积１０亩，建筑面积８５００ｍ²，床位１００～２００张');
    expect(m.landAreaMu?.min).toBe(10);
    expect(m.floorAreaM2?.min).toBe(8500);
    expect(m.beds).toMatchObject({ min: 100, max: 200 });
  });

  it('treats m², ㎡, m2 and 平方米 alike', () => {
    for (const unit of ['m²', '㎡', 'm2', '平方米']) {
      expect(parseScale(`建筑面积1200${unit}`).floorAreaM2?.min, unit).toBe(1200);
    }
  });

  it('reads range separators 至 — ～ and a 万 on either bound', () => {
    expect(parseScale('床位100至200张').beds).toMatchObject({ min: 100, max: 200 });
    expect(parseScale('床位100—200张').beds).toMatchObject({ min: 100, max: 200 });
    expect(parseScale('墓位1-2万个').gravePlots).toMatchObject({ min: 10000, max: 20000 });
    expect(parseScale('建筑面积1.2万㎡').floorAreaM2).toMatchObject({ min: 12000, max: 12000 });
  });

  it('marks 约, 大约 and 左右 as approximate', () => {
    expect(parseScale('床位500张左右').beds?.approx).toBe(true);
    expect(parseScale('占地大约3000㎡').landAreaM2).toMatchObject({ approx: true, source: '大约3000㎡' });
  });

  it('reads thousands separators', () => {
    expect(parseScale('占地面积21,500㎡').landAreaM2?.min).toBe(21500);
  });

  it('returns nothing for text without figures', () => {
    expect(parseScale('')).toEqual({});
    expect(parseScale('社会组织服务中心登记管理、培育扶持等公共服务平台的管理用房。')).toEqual({});
  });

  it('normalizes full-width text', () => {
    expect(normalizeScaleText('１２．５ｍ²，１～２')).toBe('12.5m²，1-2');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { aliveAt, communityLives, COMMUNITY_TYPES, survivalChart } from '../../src/charts/survival.js';
import { openSource, type RunSource } from '../../src/charts/source.js';
import { makeRun } from './fixtures.js';

let source: RunSource;

beforeAll(() => {
  const s = openSource(makeRun('gde-baseline'));
  if (s.type !== 'run') throw new Error('expected a run');
  source = s;
});

describe('survival of communities', () => {
  it('classifies learning networks as the model launches them (matches networks_central and networks_profession)', () => {
    const lives = communityLives(source.run, source.events());
    const p = source.run.manifest.parameters;
    const fundingEnd = p.fundingEnd_month.value;
    const s = Math.min(fundingEnd + p.survivalWindow_months.value, source.run.manifest.months - 1);
    for (const rep of source.run.replications) {
      const k = rep.replicate as number;
      const mine = lives.filter((c) => c.replicate === k);
      expect(mine.filter((c) => c.type === COMMUNITY_TYPES[0]).length).toBe(rep.networks_central);
      expect(mine.filter((c) => c.type === COMMUNITY_TYPES[1]).length).toBe(rep.networks_profession);
      expect(mine.filter((c) => c.type === COMMUNITY_TYPES[0] && aliveAt(c, s)).length).toBe(rep.networks_central_surviving);
      expect(mine.filter((c) => c.type === COMMUNITY_TYPES[1] && aliveAt(c, s)).length).toBe(rep.networks_profession_surviving);
    }
  });

  it('starts every type at 100% in the last funded month and never rises', () => {
    const chart = survivalChart(source.run, source.events());
    const values = (chart.spec as unknown as { data: { values: { type: string; since: number; mean: number }[] } }).data.values;
    for (const type of new Set(values.map((v) => v.type))) {
      const series = values.filter((v) => v.type === type).sort((a, b) => a.since - b.since);
      expect(series[0]).toMatchObject({ since: 0, mean: 1 });
      for (let i = 1; i < series.length; i++) expect(series[i].mean).toBeLessThanOrEqual(series[i - 1].mean + 1e-12);
    }
  });
});

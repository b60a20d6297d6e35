import { describe, expect, it } from 'vitest';
import { EventCode, EventLog, RelationshipKind } from '../../src/model/eventLog.js';

describe('EventLog', () => {
  it('gives back each event as the events file line it was logged as', () => {
    const log = new EventLog();
    log.add(7, EventCode.formed, 'direct_contact', RelationshipKind.tie, 41, 5, 2, 1, 0, 2, 3, 9, 'via_search');
    log.add(7, EventCode.ended, 'term_over', RelationshipKind.community, 4, 2, 1, 0, 1, 2, -1, -1, 'Network 4');
    log.add(8, EventCode.person, 'left_workforce', RelationshipKind.none, -1, -1, -1, -1, -1, -1, 12, -1, 'person=3');
    expect(log.length).toBe(3);
    expect(log.at(0)).toEqual({ month: 7, kind: 'formed', what: 'direct_contact', relationship: 't41', mode: 5, formality: 2, origin: 1, influence: 0, direction: 2, orgA: 3, orgB: 9, detail: 'via_search' });
    expect(log.at(1).relationship).toBe('c4');
    expect(log.at(1).kind).toBe('ended');
    expect(log.at(2)).toEqual({ month: 8, kind: 'person', what: 'left_workforce', relationship: '', mode: -1, formality: -1, origin: -1, influence: -1, direction: -1, orgA: 12, orgB: -1, detail: 'person=3' });
    expect([...log]).toEqual(log.toArray());
    expect(() => log.at(3)).toThrow(RangeError);
  });

  it('keeps every column through growth, and a cleared log reuses its rows without old values showing', () => {
    const log = new EventLog();
    for (let i = 0; i < 1000; i++) log.add(i, i % 6, `w${i}`, RelationshipKind.tie, i, i % 17, i % 3, i % 4, i % 3, i % 3, i, -i - 1, `d${i}`);
    expect(log.length).toBe(1000);
    for (const i of [0, 255, 256, 511, 999]) {
      expect(log.at(i)).toEqual({ month: i, kind: ['formed', 'ended', 'changed', 'programme', 'organization', 'person'][i % 6], what: `w${i}`, relationship: `t${i}`, mode: i % 17, formality: i % 3, origin: i % 4, influence: i % 3, direction: i % 3, orgA: i, orgB: -i - 1, detail: `d${i}` });
    }
    log.clear();
    expect(log.length).toBe(0);
    expect(log.toArray()).toEqual([]);
    log.add(1, EventCode.programme, 'programme_started', RelationshipKind.none, -1, -1, -1, -1, -1, -1, -1, -1, '');
    expect(log.toArray()).toEqual([{ month: 1, kind: 'programme', what: 'programme_started', relationship: '', mode: -1, formality: -1, origin: -1, influence: -1, direction: -1, orgA: -1, orgB: -1, detail: '' }]);
    const kept: unknown[] = ['earlier'];
    log.appendTo(kept as never);
    expect(kept).toHaveLength(2);
  });
});

import { it } from 'vitest';
import { smallWorld } from '../../helpers/world.js';
it('probe', () => {
  const w = smallWorld({ followersMentalHealth_count: 7 });
  const s = w.state;
  console.log(s.orgs.length, s.people.length, s.communities.map(c => [c.name, c.members.length, c.mode]));
  console.log(s.orgs.slice(0,5).map(o => [o.setting, o.grouping, Array.from(o.stage), Array.from(o.suppliers), o.staff.length, o.absorptive, o.timeBudget_hours]));
  console.log(s.people.filter(p => p.org < 0).length);
});

// The journeys in a fixed order, the French walk-through last: it opens one screen of each
// kind with whatever the other journeys left (mail, RSVPs, goals…), so it meets the most
// data, and a run finds the same things on every machine (jest's default order follows
// earlier runs' timings, which a fresh CI machine does not have).
const Sequencer = require('@jest/test-sequencer').default;

const last = /french-walk-through\.e2e\.ts$/;

class JourneyOrder extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => Number(last.test(a.path)) - Number(last.test(b.path)) || a.path.localeCompare(b.path));
  }
}

module.exports = JourneyOrder;

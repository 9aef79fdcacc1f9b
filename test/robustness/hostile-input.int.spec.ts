import { describeHostileInput } from './hostile-input.suite.js';

// The fast suite's share of the hunt: a tenth of the runs; the slow suite runs them all.
describeHostileInput(0.1);

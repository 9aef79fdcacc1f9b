import { describeHostileInput } from './hostile-input.suite.js';

/** HOSTILE_INPUT_SCALE=10 tries ten times as many requests, for a longer hunt than the suite's. */
describeHostileInput(Number(process.env.HOSTILE_INPUT_SCALE ?? '1'));

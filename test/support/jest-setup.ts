import { killRunningChildren } from './child-processes.js';

// After each test file: no child process it started outlives it, whether its tests passed or not.
afterAll(killRunningChildren);

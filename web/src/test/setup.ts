import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetServer } from './fake-server';

// The API client takes `fetch` when it is created: the fake server is installed before any module loads.
resetServer();
afterEach(() => {
  cleanup();
  resetServer();
  localStorage.clear();
});

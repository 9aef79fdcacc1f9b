import { answerParent } from '../support/child-process.js';
import { cachedLog } from './cached-log.js';

/** Usage (child process): build-log.js <events>; answers the log's description, building it when not cached. */
answerParent(([events]) => cachedLog(Number(events)));

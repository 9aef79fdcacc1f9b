import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { ConflictError } from '../shared/domain/errors.js';
import type { Recorded } from '../shared/domain/recorded.js';
import { sameContent } from '../shared/domain/same-content.js';
import type { ImportEvent, ImportRecordedData } from './import.events.js';

export type ImportCommand = { readonly type: 'RecordImport'; readonly data: ImportRecordedData };

export type ImportState =
  { readonly status: 'absent' } | { readonly status: 'recorded'; readonly record: Recorded<ImportRecordedData> };

/** An import is recorded once, after its rows: its id is the server's, so a second record is a conflict. */
export const importDecider: Decider<ImportCommand, ImportEvent, ImportState> = {
  initialState: () => ({ status: 'absent' }),
  evolve(_state, event, revision) {
    switch (event.type) {
      case 'ImportRecorded':
        return { status: 'recorded', record: { data: event.data, revision } };
      default:
        return assertNever(event.type);
    }
  },
  decide(command, state): Decision<ImportEvent> {
    switch (command.type) {
      case 'RecordImport':
        if (state.status === 'recorded') {
          if (sameContent(state.record.data, command.data)) return alreadyApplied(state.record.revision);
          throw new ConflictError(`Import ${command.data.importId} is already recorded`);
        }
        return [{ type: 'ImportRecorded', data: command.data }];
      default:
        return assertNever(command.type);
    }
  },
};

// Worker thread of offThreadPending.ts: the pending items of the meetings it is sent.
import { serveTasks } from '../ingest/taskWorker';
import type { PendingItem } from '../pending/pendingItem';
import { pendingItems } from '../pending/trackPending';
import { meetingsFromPayload } from './meetingsPayload';

serveTasks<Uint8Array, PendingItem[]>((payload) => pendingItems(meetingsFromPayload(payload)));

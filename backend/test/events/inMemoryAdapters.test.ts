import { InMemoryEventBus, InMemoryEventHub } from '../../src/events/eventBus.js';
import { InMemoryCounterStore } from '../../src/limits/counterStore.js';
import { describeCounterStoreContract } from '../contracts/counterStoreContract.js';
import { describeEventBusContract } from '../contracts/eventBusContract.js';

describeEventBusContract('in-memory', async () => {
  const hub = new InMemoryEventHub();
  const handlerErrors: unknown[] = [];
  const onHandlerError = (err: unknown) => void handlerErrors.push(err);
  return {
    a: new InMemoryEventBus({ hub, instanceId: 'A', onHandlerError }),
    b: new InMemoryEventBus({ hub, instanceId: 'B', onHandlerError }),
    handlerErrors,
  };
});

describeCounterStoreContract('in-memory', async () => {
  let t = Date.parse('2025-06-02T09:00:00Z');
  const store = new InMemoryCounterStore(() => t);
  return {
    a: store,
    b: store,
    elapse: async (ms) => void (t += ms),
  };
});

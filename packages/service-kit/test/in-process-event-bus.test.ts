import { InProcessEventBus } from '../src/adapters/bus/in-process-event-bus';
import { describeEventBusContract } from './contracts/event-bus.contract';

// The contract makes handlers fail on purpose; their reports would only clutter the test output.
const quiet = () => undefined;

describeEventBusContract('the in-process event bus', async () => new InProcessEventBus({ onHandlerError: quiet }));

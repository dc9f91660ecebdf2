import { InProcessEventBus } from '../src/adapters/bus/in-process-event-bus';
import { describeEventBusContract } from './contracts/event-bus.contract';

describeEventBusContract('the in-process event bus', async ({ onHandlerError }) => new InProcessEventBus({ onHandlerError }));

/** The job classes' clock: the service kit's, shared with the other services' scheduled jobs. */
export { CLOCK, systemClock, type Clock, type Timer } from '@architech/service-kit';

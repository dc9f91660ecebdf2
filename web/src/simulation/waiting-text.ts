/** What a run waiting for an engine says: "Waiting for an engine… next in line", "… 3rd in line". */
export function waitingText(queuePosition: number | undefined): string {
  if (queuePosition === undefined || queuePosition < 1) return 'Waiting for an engine…';
  if (queuePosition === 1) return 'Waiting for an engine… next in line';
  const rem100 = queuePosition % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[queuePosition % 10] ?? 'th';
  return `Waiting for an engine… ${queuePosition}${suffix} in line`;
}

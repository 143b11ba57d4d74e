/** Where services get the time; tests pass a fixed clock instead. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

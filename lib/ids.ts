import { v7 } from "uuid";

/** A new row id: UUIDv7 (time-ordered), as Prisma's `uuid(7)` default makes them. */
export function newId(): string {
  return v7();
}

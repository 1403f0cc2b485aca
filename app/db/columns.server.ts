import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns most tables share, written once for schema.server.ts and its companion files. */
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

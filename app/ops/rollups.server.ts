import type { MinuteFigures } from "./minute-recorder.server";

/**
 * Stores one minute's figures (with the box's CPU, memory and disk) as a
 * `metric_minutes` row and writes the minute as a CloudWatch EMF line.
 * STUB: the metrics helper replaces this body.
 */
export async function saveMinute(_figures: MinuteFigures, _instance: string): Promise<void> {}

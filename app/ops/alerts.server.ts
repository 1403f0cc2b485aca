/**
 * Evaluates the alert rules (thresholds.ts) over the last minutes' rollups.
 * STUB: the alerts helper replaces this body.
 */
export async function evaluateAlerts(_now: Date): Promise<void> {}

import Ajv from "ajv";

/**
 * The CloudWatch Embedded Metric Format specification as a JSON schema:
 * a root `_aws` with `Timestamp` (ms since the epoch) and `CloudWatchMetrics`,
 * an array of directives, each with a Namespace (1–255 characters), Dimensions
 * (an array of dimension sets, each an array of at most 30 names) and Metrics
 * (at most 100 of { Name, Unit? }, Unit one of CloudWatch's units).
 * The schema cannot say "every name in a directive is a root member"; see
 * `emfProblems`, which checks that too.
 */
const UNITS = [
  "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
  "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
  "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
  "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
];

export const EMF_SCHEMA = {
  type: "object",
  required: ["_aws"],
  properties: {
    _aws: {
      type: "object",
      required: ["Timestamp", "CloudWatchMetrics"],
      properties: {
        Timestamp: { type: "integer", minimum: 0 },
        CloudWatchMetrics: {
          type: "array",
          items: {
            type: "object",
            required: ["Namespace", "Dimensions", "Metrics"],
            properties: {
              Namespace: { type: "string", minLength: 1, maxLength: 255 },
              Dimensions: {
                type: "array",
                items: { type: "array", maxItems: 30, items: { type: "string", minLength: 1, maxLength: 250 } },
              },
              Metrics: {
                type: "array",
                maxItems: 100,
                items: {
                  type: "object",
                  required: ["Name"],
                  properties: {
                    Name: { type: "string", minLength: 1, maxLength: 1024 },
                    Unit: { type: "string", enum: UNITS },
                    StorageResolution: { type: "integer", enum: [1, 60] },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile(EMF_SCHEMA);

/** What is wrong with one EMF line as the specification reads ([] when valid). */
export function emfProblems(line: string): string[] {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return ["not JSON"];
  }
  if (!validate(event)) return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const problems: string[] = [];
  const directives = (event._aws as { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] })
    .CloudWatchMetrics;
  for (const directive of directives) {
    for (const name of directive.Dimensions.flat()) {
      // Dimension values are strings at the root.
      if (typeof event[name] !== "string") problems.push(`dimension ${name} missing at the root`);
    }
    for (const { Name } of directive.Metrics) {
      const value = event[Name];
      const numbers = Array.isArray(value) ? value : [value];
      if (numbers.length === 0 || numbers.length > 100 || !numbers.every((v) => typeof v === "number" && Number.isFinite(v))) {
        problems.push(`metric ${Name} has no number at the root`);
      }
    }
  }
  return problems;
}

import crypto from "node:crypto";

/**
 * A client address no other request in the run has used (X-Forwarded-For,
 * trusted one hop), so a rate-limit count — in memory, or shared through Redis
 * with other test files and earlier runs — starts at zero. From the IPv6
 * documentation range with 64 random bits: a handful of addresses drawn from a
 * /24 can collide and turn a flood test's first request into its last.
 */
export function uniqueAddress(): string {
  const groups = Array.from({ length: 4 }, () => crypto.randomBytes(2).toString("hex"));
  return `2001:db8:4b50::${groups.join(":")}`;
}

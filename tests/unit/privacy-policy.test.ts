import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, CHURCH_PERMISSIONS, type Permission } from "~/auth/permissions";
import { PRIVACY_LEVELS, PRIVATE_FIELDS, type PrivacyChoices } from "~/db/schema.server";
import { isListedFor, visibleFields, visibleMember, type MemberRecord, type Viewer } from "~/privacy/policy";

/*
 * Property tests: on random members, viewers and privacy choices, no output of
 * the policy ever carries a field the rules withhold — written here as an
 * independent statement of DESIGN.md's rules.
 */

const CHURCHES = ["c1", "c2"];
const GROUPS = ["g1", "g2", "g3"];

const privacy = fc.record(
  Object.fromEntries(PRIVATE_FIELDS.map((field) => [field, fc.constantFrom(...PRIVACY_LEVELS)])) as Record<
    keyof PrivacyChoices,
    fc.Arbitrary<(typeof PRIVACY_LEVELS)[number]>
  >,
);

const memberArb: fc.Arbitrary<MemberRecord> = fc.record({
  id: fc.uuid(),
  churchId: fc.constantFrom(...CHURCHES),
  userId: fc.option(fc.constantFrom("u1", "u2", "u3"), { nil: null }),
  givenName: fc.constantFrom("Ana", "José", "Maria"),
  familyName: fc.constantFrom("Santos", "Peñaflor"),
  phone: fc.option(fc.constant("+63 917 000 0000"), { nil: null }),
  email: fc.option(fc.constant("a@example.com"), { nil: null }),
  address: fc.option(fc.constant("Brgy. San Isidro"), { nil: null }),
  birthday: fc.option(fc.constant("1990-01-01"), { nil: null }),
  photoKey: fc.option(fc.constant("photos/x.webp"), { nil: null }),
  privacy,
  listed: fc.boolean(),
  groupIds: fc.subarray(GROUPS),
});

const roleArb = fc.oneof(
  fc.constantFrom(...Object.values(BUILT_IN_ROLES).map((role) => [...role.permissions] as Permission[])),
  fc.subarray([...CHURCH_PERMISSIONS]),
);

const viewerArb: fc.Arbitrary<Viewer> = fc.record({
  id: fc.constantFrom("u1", "u2", "u3", "u4"),
  churchId: fc.option(fc.constantFrom(...CHURCHES), { nil: null }),
  permissions: roleArb,
  ledGroupIds: fc.subarray(GROUPS),
});

/** DESIGN.md's rule for one field, stated independently of the implementation. */
function maySee(viewer: Viewer, member: MemberRecord, field: (typeof PRIVATE_FIELDS)[number]): boolean {
  if (viewer.churchId === null || viewer.churchId !== member.churchId) return false;
  if (member.userId !== null && member.userId === viewer.id) return true;
  if (!viewer.permissions.includes("view:directory")) return false;
  const level = member.privacy[field];
  if (level === "church") return true;
  if (level === "leaders") {
    return (
      viewer.permissions.includes("view:leaders-fields:any") ||
      member.groupIds.some((group) => viewer.ledGroupIds.includes(group))
    );
  }
  if (level === "admins") return viewer.permissions.includes("view:admins-fields:any");
  return false; // hidden
}

const OUTPUT_KEYS: Record<(typeof PRIVATE_FIELDS)[number], string[]> = {
  name: ["name", "givenName", "familyName"],
  photo: ["hasPhoto", "photoVersion"],
  phone: ["phone"],
  email: ["email"],
  address: ["address"],
  birthday: ["birthday"],
};

describe("the privacy policy", () => {
  it("never lets an output carry a field the rules withhold", () => {
    fc.assert(
      fc.property(viewerArb, memberArb, (viewer, member) => {
        const shown = visibleMember(viewer, member) as unknown as Record<string, unknown>;
        for (const field of PRIVATE_FIELDS) {
          if (!maySee(viewer, member, field)) {
            for (const key of OUTPUT_KEYS[field]) expect(shown[key], `${field} leaked as ${key}`).toBeUndefined();
          }
        }
        // Nothing beyond the known keys, and never raw stored values like the photo key or privacy choices.
        const known = new Set(["id", ...Object.values(OUTPUT_KEYS).flat()]);
        for (const key of Object.keys(shown)) expect(known.has(key), `unexpected key ${key}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("shows every field the rules allow (it does not hide too much either)", () => {
    fc.assert(
      fc.property(viewerArb, memberArb, (viewer, member) => {
        const fields = visibleFields(viewer, member);
        for (const field of PRIVATE_FIELDS) expect(fields.has(field)).toBe(maySee(viewer, member, field));
      }),
      { numRuns: 2000 },
    );
  });

  it("lists nobody of another church, and an unlisted member only to themselves and to those who manage members", () => {
    fc.assert(
      fc.property(viewerArb, memberArb, (viewer, member) => {
        const listed = isListedFor(viewer, member);
        if (viewer.churchId !== member.churchId) expect(listed).toBe(false);
        const own = member.userId !== null && member.userId === viewer.id;
        if (!member.listed && !own && !viewer.permissions.includes("manage:members")) expect(listed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("a hidden field is seen by nobody but the member, admins included", () => {
    fc.assert(
      fc.property(viewerArb, memberArb, (viewer, member) => {
        const own = member.userId !== null && member.userId === viewer.id;
        const fields = visibleFields(viewer, member);
        for (const field of PRIVATE_FIELDS) {
          if (member.privacy[field] === "hidden" && !own) expect(fields.has(field)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});


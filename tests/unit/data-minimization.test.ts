import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { members, users } from "~/db/schema.server";

/**
 * Data minimization (DESIGN.md, issue 7): a member record holds the fields the
 * directory needs and nothing else — no notes, no religious, health or giving
 * data. A new column on these tables has to be argued for here, in review.
 */
describe("what Kapatiran keeps about a person", () => {
  it("a member record holds only the directory's fields and its bookkeeping", () => {
    expect(Object.keys(getTableColumns(members)).sort()).toEqual(
      [
        // who
        "givenName",
        "familyName",
        // contact details, each optional and each under the member's privacy choice
        "email",
        "phone",
        "address",
        "birthday",
        "photoKey",
        // the member's own choices
        "privacy",
        "listed",
        // links and bookkeeping
        "id",
        "churchId",
        "householdId",
        "userId",
        "searchName",
        // a copy of privacy.name, indexed for the directory (migration 0018)
        "nameLevel",
        "createdAt",
        "updatedAt",
        "deletedAt",
      ].sort(),
    );
  });

  it("a sign-in account holds no password and nothing about faith, health or giving", () => {
    const columns = Object.keys(getTableColumns(users));
    for (const forbidden of [/password/i, /religio/i, /health/i, /medical/i, /giving/i, /donation/i, /note/i]) {
      expect(columns.filter((column) => forbidden.test(column))).toEqual([]);
    }
  });
});

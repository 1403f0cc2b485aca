import fs from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, members, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, CookieJar, postForm } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/** How a test looks into the storage behind the app, without going through the app. */
export interface PhotoStorageProbe {
  name: string;
  keys(): Promise<string[]>;
  read(key: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

const IMMUTABLE = "private, max-age=31536000, immutable";

/**
 * A 400x400 JPEG whose stored pixels are red on the left and blue on the
 * right, with EXIF saying "rotate 90° clockwise" (so it shows red on top), an
 * author and a GPS position: everything a phone puts in that must not survive.
 */
async function phoneJpeg(): Promise<Buffer> {
  const size = 400;
  const raw = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set(x < size / 2 ? [220, 20, 20] : [20, 20, 220], (y * size + x) * 3);
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Artist: "Maria Santos" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "14/1 35/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "121/1 2/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Red or blue, whichever the pixel at (x, y) is nearer to. */
async function colourAt(webp: Buffer, x: number, y: number): Promise<"red" | "blue"> {
  const { data, info } = await sharp(webp).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return data[i]! > data[i + 2]! ? "red" : "blue";
}

export function describePhotos(storage: PhotoStorageProbe) {
  let server: TestServer;
  let maria: CookieJar;
  let leader: CookieJar;
  let graceAdmin: CookieJar;
  let hopeAdmin: CookieJar;
  let mariaId: string;

  const at = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
    maria = await signedInJar(server.url, "member@grace.example");
    leader = await signedInJar(server.url, "leader@grace.example");
    graceAdmin = await signedInJar(server.url, "admin@grace.example");
    hopeAdmin = await signedInJar(server.url, "admin@hope.example");
    mariaId = (await mariasRow()).id;
  });
  afterAll(async () => {
    await server?.close();
    await storage.close();
  });

  async function mariasRow() {
    return acrossChurches(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.email, "member@grace.example"));
      const [row] = await tx.select().from(members).where(eq(members.userId, user!.id));
      return row!;
    }, server.database.db);
  }

  async function lastAudit() {
    const [entry] = await acrossChurches(
      (tx) => tx.select().from(auditLog).where(eq(auditLog.recordId, mariaId)).orderBy(desc(auditLog.id)).limit(1),
      server.database.db,
    );
    return entry;
  }

  function upload(jar: CookieJar, bytes: Uint8Array, fileName: string, type: string) {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("photo", new Blob([new Uint8Array(bytes)], { type }), fileName);
    return browse(jar, at("/me/photo"), { method: "POST", headers: { origin: server.url }, body: form });
  }

  const version = async () => (await mariasRow()).photoKey!.split("/").pop()!;

  describe(`member photos, stored in the ${storage.name}`, () => {
    it("turns a phone JPEG into two small square WebP files, upright, with no EXIF or GPS left", async () => {
      const jpeg = await phoneJpeg();
      const input = await sharp(jpeg).metadata();
      expect(input.orientation).toBe(6);
      expect(input.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer

      const response = await upload(maria, jpeg, "IMG_0001.jpg", "image/jpeg");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/me?photo=saved#photo");

      const { photoKey } = await mariasRow();
      expect(photoKey).toMatch(new RegExp(`^photos/[0-9a-f-]{36}/${mariaId}/[0-9a-f]{20}$`));
      expect((await storage.keys()).sort()).toEqual([`${photoKey}-320.webp`, `${photoKey}-96.webp`]);
      for (const size of [96, 320]) {
        const stored = (await storage.read(`${photoKey}-${size}.webp`))!;
        const meta = await sharp(stored).metadata();
        expect(meta).toMatchObject({ format: "webp", width: size, height: size });
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        expect(stored.includes("Maria Santos")).toBe(false);
        // Turned as the camera said: red on top, blue at the bottom.
        expect(await colourAt(stored, size / 2, 2)).toBe("red");
        expect(await colourAt(stored, size / 2, size - 3)).toBe("blue");
        expect(stored.length).toBeLessThan(size === 96 ? 4_000 : 20_000);
      }
      const entry = await lastAudit();
      expect(entry).toMatchObject({ action: "member.photo_updated", before: { photoKey: null }, after: { photoKey } });
      expect(await (await browse(maria, at("/me?photo=saved"))).text()).toContain("Your photo is saved.");
    });

    it("refuses a text file named photo.jpg with a clear message, and stores nothing", async () => {
      const before = { keys: await storage.keys(), photoKey: (await mariasRow()).photoKey };
      const response = await upload(maria, new TextEncoder().encode("Dear church, this is not a picture.\n"), "photo.jpg", "image/jpeg");
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain("This file is not a photo we can use. Please send a JPEG, PNG, WebP or HEIC photo.");
      expect(page).toMatch(/<input[^>]*id="field-photo"[^>]*aria-invalid="true"/);
      expect(await storage.keys()).toEqual(before.keys);
      expect((await mariasRow()).photoKey).toBe(before.photoKey);
    });

    it("refuses a file over 10 MB with a 400 and a message, never a 500", async () => {
      const before = await storage.keys();
      const big = new Uint8Array(11 * 1024 * 1024);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      const response = await upload(maria, big, "big.jpg", "image/jpeg");
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("This photo is larger than 10 MB.");
      expect(await storage.keys()).toEqual(before);
    });

    it("in Filipino, the refusal is in Filipino", async () => {
      const response = await browse(maria, at("/me/photo"), {
        method: "POST",
        headers: { origin: server.url, "accept-language": "fil" },
        body: (() => {
          const form = new FormData();
          form.set("photo", new Blob(["not a photo"], { type: "image/jpeg" }), "photo.jpg");
          return form;
        })(),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Hindi larawang magagamit namin ang file na ito.");
    });

    it("serves the thumbnail to a member of the church, cached privately and for good", async () => {
      const v = await version();
      const response = await browse(leader, at(`/photos/${mariaId}/96?v=${v}`));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(response.headers.get("etag")).toBe(`"${v}"`);
      expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(96);
      const large = await browse(leader, at(`/photos/${mariaId}/320?v=${v}`));
      expect((await sharp(Buffer.from(await large.arrayBuffer())).metadata()).width).toBe(320);
      // Asked again with the ETag: nothing to send.
      const again = await browse(leader, at(`/photos/${mariaId}/96?v=${v}`), { headers: { "if-none-match": `"${v}"` } });
      expect(again.status).toBe(304);
      // A URL without the current version is never kept as immutable.
      expect((await browse(leader, at(`/photos/${mariaId}/96`))).headers.get("cache-control")).toBe("private, no-cache");
      expect((await browse(leader, at(`/photos/${mariaId}/500?v=${v}`))).status).toBe(404);
    });

    it("another church, an anonymous visitor and an unknown id get nothing", async () => {
      const v = await version();
      expect((await browse(hopeAdmin, at(`/photos/${mariaId}/96?v=${v}`))).status).toBe(404);
      expect((await browse(hopeAdmin, at(`/photos/${mariaId}/320?v=${v}`))).status).toBe(404);
      const anonymous = await browse(new CookieJar(), at(`/photos/${mariaId}/96?v=${v}`));
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toMatch(/^\/auth\/login/);
      expect((await browse(leader, at(`/photos/00000000-0000-0000-0000-000000000000/96`))).status).toBe(404);
      expect((await browse(leader, at(`/photos/not-an-id/96`))).status).toBe(404);
    });

    it("the directory shows initials until photos are asked for, then lazy 48-pixel thumbnails", async () => {
      const v = await version();
      const plain = await (await browse(leader, at("/directory?q=Maria%20Santos"))).text();
      expect(plain).not.toContain("<img");
      expect(plain).toMatch(/aria-hidden="true"[^>]*>MS<\/span>/);
      expect(plain).toContain('href="?q=Maria+Santos&amp;page=1&amp;photos=1"');
      const withPhotos = await (await browse(leader, at("/directory?q=Maria%20Santos&photos=1"))).text();
      const img = new RegExp(`<img[^>]*src="/photos/${mariaId}/96\\?v=${v}"[^>]*>`).exec(withPhotos)?.[0] ?? "";
      expect(img).toContain('loading="lazy"');
      expect(img).toContain('width="48"');
      expect(img).toContain('height="48"');
      expect(img).toContain('alt=""');
      // The card shows the larger photo.
      const card = await (await browse(leader, at(`/directory/${mariaId}`))).text();
      expect(card).toContain(`src="/photos/${mariaId}/320?v=${v}"`);
    });

    it("with data saver on, no page loads a photo, and the directory says why", async () => {
      // A preference of the device: set without signing in, then carried by the member's browser.
      const device = new CookieJar();
      const set = await postForm(device, at("/me/photo"), { intent: "data-saver", dataSaver: "on" });
      expect(set.status).toBe(302);
      const cookie = set.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^data_saver=1;/);
      expect(cookie).toMatch(/Max-Age=\d{8}/);
      const saver = leader.clone();
      saver.store(set);
      const list = await (await browse(saver, at("/directory?q=Maria%20Santos&photos=1"))).text();
      expect(list).not.toContain("<img");
      expect(list).toContain("Data saver is on, so photos are not loaded.");
      expect(list).not.toContain("Show photos");
      expect(await (await browse(saver, at(`/directory/${mariaId}`))).text()).not.toContain("<img");
      // Turning it off clears the cookie.
      const off = await postForm(saver, at("/me/photo"), { intent: "data-saver" });
      expect(off.headers.get("set-cookie")).toMatch(/^data_saver=; Max-Age=0/);
      expect(await (await browse(saver, at("/directory?q=Maria%20Santos&photos=1"))).text()).toContain("<img");
    });

    it("a photo set to 'only me' is gone for everyone else, admins included, but not for Maria", async () => {
      const choices = { name: "church", photo: "hidden", phone: "leaders", email: "leaders", address: "admins", birthday: "admins", listed: "on" };
      expect((await postForm(maria, at("/me/privacy"), { ...choices, intent: "save" })).status).toBe(302);
      const v = await version();
      for (const other of [leader, graceAdmin, hopeAdmin]) {
        expect((await browse(other, at(`/photos/${mariaId}/96?v=${v}`))).status).toBe(404);
      }
      expect(await (await browse(leader, at("/directory?q=Maria%20Santos&photos=1"))).text()).not.toContain(`/photos/${mariaId}/`);
      expect((await browse(maria, at(`/photos/${mariaId}/96?v=${v}`))).status).toBe(200);
      expect((await postForm(maria, at("/me/privacy"), { ...choices, photo: "church", intent: "save" })).status).toBe(302);
    });

    it("a new photo gets a new address and the old files are deleted; HEIC from a phone works too", async () => {
      const old = (await mariasRow()).photoKey!;
      const heic = fs.readFileSync(path.resolve("tests/fixtures/photos/red-blue.heic"));
      const response = await upload(maria, heic, "IMG_0002.HEIC", "image/heic");
      expect(response.status).toBe(302);
      const { photoKey } = await mariasRow();
      expect(photoKey).not.toBe(old);
      expect((await storage.keys()).sort()).toEqual([`${photoKey}-320.webp`, `${photoKey}-96.webp`]);
      const small = (await storage.read(`${photoKey}-96.webp`))!;
      expect(await sharp(small).metadata()).toMatchObject({ format: "webp", width: 96, height: 96 });
      // Red on the left, blue on the right, as in the picture (cropped to a square).
      expect(await colourAt(small, 2, 48)).toBe("red");
      expect(await colourAt(small, 93, 48)).toBe("blue");
      expect((await browse(leader, at(`/photos/${mariaId}/96?v=${photoKey!.split("/").pop()}`))).status).toBe(200);
    });

    it("Remove my photo deletes the files, audits it, and the address answers 404", async () => {
      const v = await version();
      const response = await postForm(maria, at("/me/photo"), { intent: "remove" });
      expect(response.status).toBe(302);
      expect((await mariasRow()).photoKey).toBeNull();
      expect(await storage.keys()).toEqual([]);
      expect(await lastAudit()).toMatchObject({ action: "member.photo_removed", after: { photoKey: null } });
      expect((await browse(leader, at(`/photos/${mariaId}/96?v=${v}`))).status).toBe(404);
      expect((await browse(maria, at(`/photos/${mariaId}/96?v=${v}`))).status).toBe(404);
    });

    it("accounts without a member record cannot upload", async () => {
      const staff = await signedInJar(server.url, "staff@kapatiran.example");
      const response = await upload(staff, await phoneJpeg(), "a.jpg", "image/jpeg");
      expect(response.status).toBe(404);
      expect(await storage.keys()).toEqual([]);
    });
  });
}

/**
 * A member's picture: their initials in a circle, or their photo when the page
 * asked for photos, the viewer may see it (`hasPhoto` from the privacy policy)
 * and data saver is off. Initials cost no download, so they are the default.
 */

export interface AvatarMember {
  id: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  hasPhoto?: boolean;
  photoVersion?: string;
}

const SIZES = {
  // 48 CSS pixels from the 96-pixel file: sharp on phone screens.
  small: { file: 96, px: 48, box: "h-12 w-12 text-base" },
  large: { file: 320, px: 160, box: "h-40 w-40 text-5xl" },
} as const;

/** First letters of the given and family name, as far as the viewer may see the name. */
export function initialsOf(member: AvatarMember): string {
  const first = (word?: string) => (word ? (Array.from(word.trim())[0] ?? "") : "");
  const fromParts = first(member.givenName) + first(member.familyName);
  const fromName = (member.name ?? "").trim().split(/\s+/).slice(0, 2).map(first).join("");
  return (fromParts || fromName).toLocaleUpperCase();
}

export function photoUrl(member: AvatarMember, size: 96 | 320): string {
  return `/photos/${member.id}/${size}?v=${encodeURIComponent(member.photoVersion ?? "")}`;
}

export function Avatar({
  member,
  size,
  showPhoto,
  alt = "",
}: {
  member: AvatarMember;
  size: keyof typeof SIZES;
  showPhoto: boolean;
  /** Empty when the name is written beside the picture. */
  alt?: string;
}) {
  const { file, px, box } = SIZES[size];
  if (showPhoto && member.hasPhoto && member.photoVersion) {
    return (
      <img
        src={photoUrl(member, file)}
        width={px}
        height={px}
        alt={alt}
        loading={size === "small" ? "lazy" : undefined}
        className={`${box} shrink-0 rounded-full bg-stone-200 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex shrink-0 select-none items-center justify-center rounded-full bg-teal-100 font-semibold text-teal-900`}
    >
      {initialsOf(member)}
    </span>
  );
}

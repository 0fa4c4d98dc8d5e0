// A business's slug: its name in lowercase ASCII words joined by dashes ("Café Olé & Co" →
// "cafe-ole-and-co"), at most 40 characters, unique across businesses by a "-2", "-3"… suffix.
// It names the business in public API addresses (/api/v1/businesses/<slug>/…), so it is chosen
// once, at creation, and never changes with the name.
import type { Tx } from "../db";

export const MAX_SLUG_LENGTH = 40;

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
  return slug || "business";
}

/** The slug itself when free, else the lowest free "-n" suffix (the base shortened to make room). */
export async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await tx.business.findMany({ where: { slug: { startsWith: base.slice(0, MAX_SLUG_LENGTH - 4) } }, select: { slug: true } })).map((b) => b.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

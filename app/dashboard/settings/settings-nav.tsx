"use client";
// The settings sub-navigation: a column beside the page on wide screens, a row that scrolls
// sideways on a phone. Links keep `?b=`; owner/admin-only pages are not offered to staff.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import type { SettingsRole } from "./settings-pages";
import { SETTINGS_PAGES } from "./settings-pages";

export function SettingsNav({ roles }: { roles: Record<string, SettingsRole> }) {
  const pathname = usePathname();
  const param = useSearchParams().get("b");
  // A business the user is not a member of (the 404 page) is not carried into the links.
  const b = param && roles[param] ? param : null;
  const role = (b ? roles[b] : Object.values(roles)[0]) ?? "staff";
  const activeRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // On a phone the list scrolls sideways: bring the current page into view.
    activeRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  const pages = SETTINGS_PAGES.filter((p) => !p.adminOnly || role !== "staff");
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0 md:overflow-visible">
      <ul className="flex gap-1 md:flex-col">
        {pages.map((page) => {
          const href = `/dashboard/settings/${page.slug}${b ? `?b=${encodeURIComponent(b)}` : ""}`;
          const active = pathname === `/dashboard/settings/${page.slug}`;
          return (
            <li key={page.slug} className="shrink-0">
              <Link
                href={href}
                ref={active ? activeRef : undefined}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                  active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

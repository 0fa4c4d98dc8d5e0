"use client";
// The dashboard's top bar. The business in view comes from `?b=` (the first membership when
// absent), so every page and link carries it; switching keeps the current page.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TestCallPrompt } from "../onboarding/test-call-prompt";
import { SignOutButton } from "./sign-out-button";

const NAV = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/appointments", label: "Appointments" },
  { href: "/dashboard/console", label: "Test console" },
  { href: "/dashboard/settings", label: "Settings" },
] as const;

export function DashboardHeader({ businesses }: { businesses: { id: string; name: string }[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const b = useSearchParams().get("b");
  const current = businesses.find((x) => x.id === b) ?? businesses[0];
  const withBusiness = (href: string) => (current && b ? `${href}?b=${encodeURIComponent(current.id)}` : href);

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6">
        <div className="flex min-w-0 flex-1 items-center gap-3 sm:flex-none">
          {businesses.length > 1 ? (
            <label className="flex min-w-0 items-center gap-2 text-sm">
              <span className="sr-only">Business</span>
              <select
                value={current?.id}
                onChange={(e) => router.push(`${pathname}?b=${encodeURIComponent(e.target.value)}`)}
                className="min-w-0 truncate rounded-md border border-slate-300 bg-white py-1.5 pl-2 pr-8 font-semibold focus:outline-none focus:ring-2 focus:ring-brand-600"
              >
                {businesses.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="truncate font-semibold">{current?.name ?? "AppointmentScheduler"}</span>
          )}
        </div>
        <div className="order-last flex w-full items-center sm:order-none sm:w-auto sm:flex-1">
          <nav aria-label="Dashboard" className="-mx-1 flex flex-wrap gap-1">
            {NAV.map((item) => {
              const active = item.href === "/dashboard" ? pathname === "/dashboard" : pathname.startsWith(item.href);
              return (
                <Link
                  key={item.href}
                  href={withBusiness(item.href)}
                  aria-current={active ? "page" : undefined}
                  className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                    active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                  }`}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
        </div>
        <SignOutButton />
      </div>
      <TestCallPrompt />
    </header>
  );
}

// /dashboard/settings: the first settings page, for the same business.
import { redirect } from "next/navigation";

export default async function SettingsIndex({ searchParams }: { searchParams: Promise<{ b?: string }> }) {
  const { b } = await searchParams;
  redirect(`/dashboard/settings/profile${b ? `?b=${encodeURIComponent(b)}` : ""}`);
}

// The settings pages, in the order the sub-navigation lists them.
export type SettingsRole = "owner" | "admin" | "staff";

export const SETTINGS_PAGES: readonly { slug: string; label: string; adminOnly?: boolean }[] = [
  { slug: "profile", label: "Business profile" },
  { slug: "hours", label: "Hours & holidays" },
  { slug: "services", label: "Services" },
  { slug: "staff", label: "Staff" },
  { slug: "booking", label: "Booking policy" },
  { slug: "agent", label: "Receptionist" },
  { slug: "faq", label: "FAQ" },
  { slug: "notifications", label: "Notifications" },
  { slug: "integrations", label: "Integrations" },
  { slug: "team", label: "Team" },
  { slug: "api-keys", label: "API keys", adminOnly: true },
];

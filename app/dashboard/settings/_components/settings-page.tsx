// The frame of one settings page: its heading and lead, and for staff a note that they are
// looking at settings only owners and admins can change.
export function SettingsPage({ title, description, canEdit, children }: { title: string; description?: React.ReactNode; canEdit: boolean; children: React.ReactNode }) {
  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{title}</h1>
        {description && <p className="text-sm text-slate-600">{description}</p>}
      </div>
      {!canEdit && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          You can look at these settings; only an owner or admin of the business can change them.
        </p>
      )}
      {children}
    </main>
  );
}

import { redirect } from "next/navigation";
import { currentUserId } from "@/server/auth/current-user";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await currentUserId()) redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 p-6">
      <div>
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-slate-600">to your AppointmentScheduler dashboard</p>
      </div>
      <LoginForm />
    </main>
  );
}

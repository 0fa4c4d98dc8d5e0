"use client";

import { useActionState } from "react";
import { FormAlert, SubmitButton } from "@/app/login/auth-ui";
import { acceptInvitationAction, type AcceptState } from "./actions";

export function AcceptInvitationForm({ token, businessName }: { token: string; businessName: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, { error: null });
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {state.error && <FormAlert>{state.error}</FormAlert>}
      <SubmitButton pending={pending} pendingLabel="Joining…">
        Join {businessName}
      </SubmitButton>
    </form>
  );
}

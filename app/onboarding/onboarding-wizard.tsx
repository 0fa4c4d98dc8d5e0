"use client";
// The onboarding wizard: seven short steps with Back/Next and a progress indicator. The draft
// lives here across steps; each Next checks that step's part of the shared onboardingInput
// schema, and Finish sends everything to onboarding.complete, which creates it all at once.
// A server error on any field brings the owner back to that field's step.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { onboardingInput } from "@/server/businesses/onboarding-input";
import { buttonStyles, FormStatus } from "../dashboard/settings/_components/fields";
import { issuesToErrors, serverIssues, type FieldErrors } from "../dashboard/settings/_components/form-errors";
import { useDetectedTimeZone } from "../dashboard/settings/_components/time-zone-select";
import { problemText } from "../dashboard/appointments/problem-text";
import { BusinessStep, HoursStep, type StepProps } from "./business-steps";
import { ServicesStep, StaffStep } from "./catalogue-steps";
import { FaqStep, ReceptionistStep, ReviewStep } from "./receptionist-steps";
import { initialDraft, toOnboardingInput, type WizardDraft } from "./wizard-draft";

const STEPS = [
  { id: "business", title: "Your business", lead: "The basics callers and the receptionist need.", fields: ["name", "timezone", "phone"] },
  { id: "hours", title: "Opening hours", lead: "When can customers come in?", fields: ["hours"] },
  { id: "services", title: "Services", lead: "What can callers book? Start from a template and edit it.", fields: ["template", "services"] },
  { id: "staff", title: "Staff", lead: "Who takes the appointments?", fields: ["staff"] },
  { id: "receptionist", title: "Receptionist", lead: "How your AI receptionist answers the phone.", fields: ["agent"] },
  { id: "faq", title: "Questions", lead: "What do callers often ask?", fields: ["faq"] },
  { id: "review", title: "Review", lead: "Check everything, then create your business.", fields: [] },
] as const;

/** Where the schema reports each part of the draft. */
const ERROR_ROOT: Partial<Record<keyof WizardDraft, string>> = { week: "hours", greeting: "agent", voice: "agent", languages: "agent" };

const stepOfField = (field: string) => STEPS.findIndex((s) => (s.fields as readonly string[]).includes(field));

export function OnboardingWizard() {
  const trpc = useTRPC();
  const router = useRouter();
  const detectedTimeZone = useDetectedTimeZone();
  const [draft, setDraft] = useState<WizardDraft>(initialDraft);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const complete = useMutation(trpc.onboarding.complete.mutationOptions());
  const current = STEPS[step]!;

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A new step: focus its heading so keyboard and screen-reader users start at the top of it.
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);

  const update = (patch: Partial<WizardDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // An edited field's old error goes away; the others stay until the next check.
    const roots = new Set(Object.keys(patch).map((key) => ERROR_ROOT[key as keyof WizardDraft] ?? key));
    setErrors((old) => {
      const kept = Object.entries(old).filter(([path]) => !roots.has(path.split(".")[0]!));
      return kept.length === Object.keys(old).length ? old : Object.fromEntries(kept);
    });
  };

  /** Shows the issues of the given steps; answers whether there were any. */
  function showIssues(issues: readonly { path: PropertyKey[]; message: string }[], steps: number[]): number | null {
    const mine = issues.filter((i) => steps.includes(stepOfField(String(i.path[0]))));
    setErrors(issuesToErrors(mine));
    if (mine.length === 0) return null;
    requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
    return Math.min(...mine.map((i) => stepOfField(String(i.path[0]))));
  }

  function next() {
    setFormError(null);
    const result = onboardingInput.safeParse(toOnboardingInput(draft, detectedTimeZone));
    if (!result.success && showIssues(result.error.issues, [step]) !== null) return;
    setErrors({});
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  }

  async function finish() {
    setFormError(null);
    const result = onboardingInput.safeParse(toOnboardingInput(draft, detectedTimeZone));
    if (!result.success) {
      const at = showIssues(result.error.issues, STEPS.map((_, i) => i));
      if (at !== null) setStep(at);
      return;
    }
    try {
      const created = await complete.mutateAsync(result.data);
      router.push(`/dashboard?b=${encodeURIComponent(created.businessId)}&welcome=1`);
      router.refresh();
    } catch (error) {
      const issues = serverIssues(error);
      const at = issues ? showIssues(issues, STEPS.map((_, i) => i)) : null;
      if (at !== null) setStep(at);
      else setFormError(problemText(error));
    }
  }

  const props: StepProps = { draft, update, errors, detectedTimeZone };
  const last = step === STEPS.length - 1;

  return (
    <div className="space-y-4">
      <nav aria-label="Onboarding progress">
        <p className="mb-2 text-sm text-slate-600">
          Step {step + 1} of {STEPS.length}
        </p>
        <ol className="flex gap-1">
          {STEPS.map((s, i) => (
            <li key={s.id} className="flex-1" aria-current={i === step ? "step" : undefined}>
              <span className={`block h-1.5 rounded-full ${i <= step ? "bg-brand-600" : "bg-slate-200"}`} aria-hidden />
              <span aria-hidden className={`mt-1 hidden text-xs lg:block ${i === step ? "font-medium text-brand-700" : "text-slate-500"}`}>
                {s.title}
              </span>
              <span className="sr-only">
                {s.title}
                {i < step ? " (done)" : i === step ? " (current)" : ""}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (last) void finish();
          else next();
        }}
        className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
        aria-labelledby="step-title"
      >
        <div className="border-b border-slate-100 px-4 py-4 sm:px-6">
          <h1 id="step-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
            {current.title}
          </h1>
          <p className="text-sm text-slate-600">{current.lead}</p>
        </div>
        <div className="px-4 py-5 sm:px-6">
          {current.id === "business" && <BusinessStep {...props} />}
          {current.id === "hours" && <HoursStep {...props} />}
          {current.id === "services" && <ServicesStep {...props} />}
          {current.id === "staff" && <StaffStep {...props} />}
          {current.id === "receptionist" && <ReceptionistStep {...props} />}
          {current.id === "faq" && <FaqStep {...props} />}
          {current.id === "review" && <ReviewStep {...props} goTo={setStep} />}
          {Object.keys(errors).length > 1 && <p className="mt-4 text-sm text-red-700">Check the fields marked in red.</p>}
          <div className="mt-4">
            <FormStatus saved={null} error={formError} />
          </div>
        </div>
        <div className="flex items-center justify-between gap-2 rounded-b-lg border-t border-slate-100 bg-slate-50 px-4 py-3 sm:px-6">
          <button
            type="button"
            onClick={() => {
              setErrors({});
              setStep((s) => Math.max(0, s - 1));
            }}
            disabled={step === 0 || complete.isPending}
            className={`${buttonStyles.secondary} ${step === 0 ? "invisible" : ""}`}
          >
            Back
          </button>
          <button type="submit" disabled={complete.isPending} className={buttonStyles.primary}>
            {last ? (complete.isPending ? "Creating your business…" : "Create my business") : "Next"}
          </button>
        </div>
      </form>
    </div>
  );
}

"use client";
// A modal on the native <dialog>: the browser makes the page behind it inert (focus stays inside)
// and closes it on Esc. Mounted only while open; on close, focus goes back to whatever opened it
// (or to `returnFocusTo` when that is gone, e.g. the card of a cancelled appointment).
import { useEffect, useId, useRef } from "react";

export function Modal({
  title,
  description,
  onClose,
  returnFocusTo,
  focusKey,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  onClose: () => void;
  returnFocusTo?: () => HTMLElement | null;
  /** When this changes (a new step of the dialog), focus moves to its [data-autofocus] element. */
  focusKey?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const returnRef = useRef(returnFocusTo);
  useEffect(() => {
    returnRef.current = returnFocusTo;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      const target = opener?.isConnected ? opener : returnRef.current?.();
      // After the dialog leaves the page, so focus is not caught by it.
      requestAnimationFrame(() => target?.focus());
    };
  }, []);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [focusKey]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className="m-auto max-h-[min(92dvh,56rem)] w-[calc(100%-1.5rem)] max-w-lg overflow-hidden rounded-xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
    >
      <div className="flex max-h-[min(92dvh,56rem)] flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="text-sm text-slate-500">
                {description}
              </div>
            )}
          </div>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="-mr-1 rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="h-5 w-5">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}

/** The scrolling body and the fixed footer of a modal's form. */
export function ModalBody({ children }: { children: React.ReactNode }) {
  return <div className="flex-1 space-y-4 overflow-y-auto px-4 py-4 sm:px-5">{children}</div>;
}

export function ModalFooter({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 bg-slate-50 px-4 py-3 sm:px-5">{children}</div>;
}

export const buttonStyles = {
  primary:
    "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2",
  secondary:
    "rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600",
  dangerQuiet:
    "rounded-md bg-white px-4 py-2 text-sm font-medium text-red-700 ring-1 ring-slate-300 hover:bg-red-50 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600",
  danger:
    "rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 focus-visible:ring-offset-2",
} as const;

export const fieldStyles =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

export function ErrorNote({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {children}
    </div>
  );
}

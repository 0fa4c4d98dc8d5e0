"use client";
// The tool calls of one agent turn: a one-line summary (names, and whether each worked) that opens
// on the arguments the engine passed and the JSON result it got back.
import type { ToolCall } from "./types";

export function ToolCalls({ tools }: { tools: ToolCall[] }) {
  if (tools.length === 0) return null;
  const failed = tools.filter((t) => !t.ok).length;
  return (
    <details className="group mt-1.5 rounded-md bg-white text-xs ring-1 ring-slate-200" data-testid="tool-calls">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-2.5 py-1.5 text-slate-600 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
        <span aria-hidden className="transition group-open:rotate-90">
          ›
        </span>
        <span className="font-medium">
          {tools.length} tool {tools.length === 1 ? "call" : "calls"}
          {failed > 0 && <span className="text-red-700"> · {failed} failed</span>}
        </span>
        <span className="min-w-0 truncate font-mono text-slate-500">{tools.map((t) => `${t.name}${t.ok ? "" : " ✗"}`).join(", ")}</span>
      </summary>
      <ol className="space-y-2 border-t border-slate-100 px-2.5 py-2">
        {tools.map((tool) => (
          <li key={tool.id}>
            <div className="flex flex-wrap items-center gap-2">
              <code className="font-semibold text-slate-800">{tool.name}</code>
              <span className={`rounded px-1.5 py-0.5 font-medium ${tool.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}>{tool.ok ? "ok" : failureCode(tool.result)}</span>
              <span className="text-slate-400">{Math.round(tool.durationMs)} ms</span>
            </div>
            <div className="mt-1 grid gap-1 md:grid-cols-2">
              <Json label="Arguments" value={tool.args} />
              <Json label="Result" value={tool.result} />
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <div className="text-[11px] font-medium uppercase tracking-wide text-slate-400">{label}</div>
      <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] leading-snug text-slate-700">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function failureCode(result: unknown): string {
  const code = (result as { error?: unknown } | null)?.error;
  return typeof code === "string" ? code : "failed";
}

/** Where the agent panel will live: an empty, labelled region for now. */
export function AgentSlot() {
  return (
    <section aria-labelledby="agent-title" className="flex h-full flex-col bg-surface-sunken">
      <div className="flex h-9 shrink-0 items-center border-b border-border px-3">
        <h2 id="agent-title" className="text-[11px] font-semibold uppercase tracking-wider text-muted">
          Agent
        </h2>
      </div>
      <div className="flex flex-1 items-center justify-center p-6 text-center text-sm text-muted">The AI agent will appear here.</div>
    </section>
  );
}

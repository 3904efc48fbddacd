/** The workspace's frame while the page loads: same bars and proportions, so nothing moves after. */
export function WorkspaceSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the workspace" className="flex h-[calc(100dvh-3.5rem)] flex-col">
      <div className="h-10 shrink-0 border-b border-border bg-surface" />
      <div className="flex min-h-0 flex-1">
        <div className="w-[18%] border-r border-border bg-surface-sunken" />
        <div className="flex flex-1 flex-col bg-surface-raised">
          <div className="h-9 border-b border-border bg-surface-sunken" />
          <div className="flex-1" />
        </div>
        <div className="w-[30%] border-l border-border bg-surface-sunken" />
      </div>
      <div className="h-6 shrink-0 border-t border-border bg-surface-sunken" />
    </div>
  );
}
